package io.github.camelsmarthome.bench;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.camelsmarthome.homeassistant.discovery.DiscoveryMessage;
import io.github.camelsmarthome.homeassistant.discovery.DiscoveryOptions;
import io.github.camelsmarthome.homeassistant.discovery.HomeAssistantDiscovery;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectStreamDecoder;
import io.github.camelsmarthome.homeconnect.api.event.StreamOutcome;
import io.github.camelsmarthome.kafka.CloudEventMapper;
import io.github.camelsmarthome.miio.protocol.MiioPacketCodec;
import io.github.camelsmarthome.miio.protocol.MiioToken;
import io.github.camelsmarthome.miio.protocol.PushDatagram;
import io.github.camelsmarthome.miio.protocol.PushDatagramClassifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Benchmark 6: JMH micro-benchmarks of the hot paths, each on one realistic input: decoding one
 * Home Connect SSE event (bytes to {@link HomeConnectEvent}), opening one miIO push event and
 * sealing its ack (the push server's per-datagram work), writing one CloudEvent as JSON, and the
 * Home Assistant discovery core's work for one {@code RemainingProgramTime} tick of a running washer
 * (the commonest event of the MQTT route, issue #8).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HotPathsBench {

    /** A STATUS event as the production stream frames it, the size of a typical one. */
    static final String SSE_EVENT = "event:STATUS\n"
            + "data:{\"haId\":\"SIEMENS-HCS03WCH1-7BC6383CF794\",\"items\":[{\"key\":\"BSH.Common.Option.RemainingProgramTime\","
            + "\"value\":5400,\"unit\":\"seconds\",\"uri\":\"/api/homeappliances/SIEMENS-HCS03WCH1-7BC6383CF794/programs/active/"
            + "options/BSH.Common.Option.RemainingProgramTime\",\"timestamp\":1732230000}]}\n"
            + "id:SIEMENS-HCS03WCH1-7BC6383CF794\n\n";

    private byte[] sseBytes;
    private byte[] miioDatagram;
    private MiioToken token;
    private InetAddress gateway;
    private PushDatagramClassifier classifier;
    private HomeConnectEvent event;
    private CloudEventMapper cloudEvents;
    private HomeAssistantDiscovery discovery;
    private ObjectNode tick;
    private ObjectNode tickItem;
    private long remainingSeconds;

    /** Builds the inputs once per trial. */
    @Setup
    public void prepare() throws UnknownHostException {
        sseBytes = SSE_EVENT.getBytes(StandardCharsets.UTF_8);
        token = MiioToken.fromHex(MiioAckBench.TOKEN);
        gateway = InetAddress.getByName("127.0.0.2");
        String push = "{\"id\":123456,\"method\":\"click_ch0:lumi_158d0001a2b3c4\",\"params\":[]}";
        miioDatagram = MiioPacketCodec.encode(0x0A1B2C3DL, 1_732_230_000L, token, push.getBytes(StandardCharsets.UTF_8));
        // No de-duplication: every call is a new event, as on the wire.
        classifier = new PushDatagramClassifier(PushDatagramClassifier.DEFAULT_DEVICE_ID, Clock.systemUTC(), Duration.ZERO);
        event = decodeOne();
        cloudEvents = new CloudEventMapper(new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
        prepareRunningWasher();
    }

    /** A discovery core that knows a washer running Cotton (its configs published), and its next tick. */
    private void prepareRunningWasher() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        discovery = new HomeAssistantDiscovery(DiscoveryOptions.defaults("bench"));
        String washer = "SIEMENS-HCS03WCH1-7BC6383CF794";
        String running = "event:STATUS\ndata:{\"haId\":\"" + washer + "\",\"items\":["
                + "{\"key\":\"BSH.Common.Status.OperationState\",\"value\":\"BSH.Common.EnumType.OperationState.Run\",\"timestamp\":1732230000},"
                + "{\"key\":\"BSH.Common.Status.DoorState\",\"value\":\"BSH.Common.EnumType.DoorState.Closed\",\"timestamp\":1732230000},"
                + "{\"key\":\"BSH.Common.Status.RemoteControlStartAllowed\",\"value\":true,\"timestamp\":1732230000},"
                + "{\"key\":\"BSH.Common.Root.SelectedProgram\",\"value\":\"LaundryCare.Washer.Program.Cotton\",\"timestamp\":1732230000},"
                + "{\"key\":\"BSH.Common.Root.ActiveProgram\",\"value\":\"LaundryCare.Washer.Program.Cotton\",\"timestamp\":1732230000},"
                + "{\"key\":\"BSH.Common.Setting.PowerState\",\"value\":\"BSH.Common.EnumType.PowerState.On\",\"timestamp\":1732230000},"
                + "{\"key\":\"BSH.Common.Setting.ChildLock\",\"value\":false,\"timestamp\":1732230000},"
                + "{\"key\":\"BSH.Common.Option.ProgramProgress\",\"value\":10,\"timestamp\":1732230000}]}\n"
                + "id:" + washer + "\n\n";
        for (String frame : List.of(running, SSE_EVENT)) {
            for (StreamOutcome outcome : HomeConnectStreamDecoder.forAllAppliances().decode(frame.getBytes(StandardCharsets.UTF_8))) {
                if (outcome instanceof StreamOutcome.Event decoded) {
                    ObjectNode json = mapper.valueToTree(decoded.event());
                    json.put("applianceType", "Washer");
                    discovery.onEvent(json);
                }
            }
        }
        tick = mapper.valueToTree(event);
        tick.put("applianceType", "Washer");
        tickItem = (ObjectNode) tick.path("items").get(0);
        remainingSeconds = 5400;
    }

    private HomeConnectEvent decodeOne() {
        List<StreamOutcome> outcomes = HomeConnectStreamDecoder.forAllAppliances().decode(sseBytes);
        return outcomes.stream().filter(StreamOutcome.Event.class::isInstance).map(o -> ((StreamOutcome.Event) o).event())
                .findFirst().orElseThrow(() -> new IllegalStateException("the sample SSE event did not decode: " + outcomes));
    }

    /** SSE bytes to a typed event, with a new decoder as each stream has its own. */
    @Benchmark
    public List<StreamOutcome> sseDecodeOneEvent() {
        return HomeConnectStreamDecoder.forAllAppliances().decode(sseBytes);
    }

    /** Checksum, AES decryption, JSON, classification and the sealed ack of one push event. */
    @Benchmark
    public PushDatagram miioDecryptAndAck() {
        return classifier.classify(gateway, miioDatagram, address -> Optional.of(token));
    }

    /** One Home Connect event as the CloudEvents JSON the Kafka route sends: the record's value, UTF-8 bytes. */
    @Benchmark
    public byte[] cloudEventToJson() {
        return cloudEvents.toJsonBytes(event, "homeconnect-1a2b3c4d");
    }

    /** One remaining-time tick (a new value each call, as on the wire) through the discovery core: the state message. */
    @Benchmark
    public List<DiscoveryMessage> homeAssistantRemainingTimeTick() {
        remainingSeconds = remainingSeconds == 0 ? 5400 : remainingSeconds - 1;
        tickItem.put("value", remainingSeconds);
        return discovery.onEvent(tick);
    }
}
