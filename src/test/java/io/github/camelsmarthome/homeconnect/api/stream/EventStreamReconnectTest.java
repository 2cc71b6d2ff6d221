package io.github.camelsmarthome.homeconnect.api.stream;

import static io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold.WASHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelsmarthome.homeconnect.api.event.EventOrigin;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventItem;
import io.github.camelsmarthome.simulator.homeconnect.ApplianceEvent;
import io.github.camelsmarthome.simulator.homeconnect.EventItem;
import io.github.camelsmarthome.simulator.homeconnect.PublishedEvent;
import io.github.camelsmarthome.simulator.homeconnect.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Brief 8.6 and 8.7 rules 1, 2 and 4: when the stream reconnects, how soon, and what consumers are told. */
class EventStreamReconnectTest extends EventStreamTestSupport {

    @Test
    void aStreamDroppedMidEventReconnectsAfterTheBackoffAndMarksTheGapBeforeAnyNewEvent() throws Exception {
        HomeConnectEventStream stream = startStream();
        awaitSynced(stream, Instant.EPOCH);
        int eventsBefore = listener.events().size();

        cloud.faults().dropStreamsOnNextEvent();
        cloud.household().oven().setLocalControlActive(true);

        await().atMost(AT_MOST).until(() -> stream.metrics().reconnects() == 1 && stream.state() == StreamState.CONNECTED);
        List<RecordedRequest> opens = streamOpens();
        assertThat(opens).hasSize(2);
        RecordingListener.Call dropped = listener.calls("disconnected").get(0);
        assertThat(dropped.reason()).isEqualTo(DisconnectReason.TRANSPORT_ERROR);
        assertThat(Duration.between(dropped.at(), opens.get(1).time())).isGreaterThanOrEqualTo(Duration.ofMillis(90));
        List<HomeConnectEvent> afterDrop = listener.events().subList(eventsBefore, listener.events().size());
        assertThat(afterDrop).isNotEmpty();
        assertThat(afterDrop.get(0).type()).isEqualTo("stream_reconnected");
        assertThat(afterDrop.get(0).origin()).isEqualTo(EventOrigin.BRIDGE);
        assertThat(afterDrop.get(0).deviceId()).isEqualTo(ACCOUNT);
        assertThat(afterDrop.get(0).items()).extracting(HomeConnectEventItem::key)
                .containsExactly("disconnectedAt", "reconnectedAt", "reason");
    }

    @Test
    void noEventTheCloudSendsAfterTheReconnectIsLostOrDuplicated() throws Exception {
        HomeConnectEventStream stream = startStream();
        awaitSynced(stream, Instant.EPOCH);
        cloud.faults().dropStreamsOnNextEvent();
        cloud.household().oven().setLocalControlActive(true);
        await().atMost(AT_MOST).until(() -> stream.metrics().reconnects() == 1 && stream.state() == StreamState.CONNECTED);
        awaitSynced(stream, listener.gapMarkers().get(0).receivedAt());
        int receivedBefore = listener.received().size();
        int publishedBefore = cloud.events().publishedEvents().size();

        for (int i = 0; i < 10; i++) {
            cloud.household().oven().setLocalControlActive(i % 2 == 1);
            cloud.household().washer().setSetting("BSH.Common.Setting.ChildLock", i % 2 == 0);
        }

        List<PublishedEvent> published = cloud.events().publishedEvents();
        List<String> sent = published.subList(publishedBefore, published.size()).stream()
                .map(PublishedEvent::event).map(EventStreamReconnectTest::describe).toList();
        await().atMost(AT_MOST).until(() -> listener.received().size() >= receivedBefore + sent.size());
        List<String> got = listener.received().subList(receivedBefore, listener.received().size()).stream()
                .map(EventStreamReconnectTest::describe).toList();
        assertThat(got).containsExactlyElementsOf(sent).hasSize(20);
    }

    @Test
    void garbageOnTheStreamClosesItAndReconnects() throws Exception {
        HomeConnectEventStream stream = startStream();
        awaitConnected(stream);

        cloud.faults().injectGarbageLine("HTTP/1.1 200 OK");

        await().atMost(AT_MOST).until(() -> stream.metrics().reconnects() == 1 && stream.state() == StreamState.CONNECTED);
        assertThat(stream.metrics().corruptStreams()).isEqualTo(1);
        assertThat(stream.metrics().disconnects(DisconnectReason.CORRUPT_STREAM)).isEqualTo(1);
        assertThat(listener.gapMarkers()).hasSize(1);
        assertThat(listener.gapMarkers().get(0).items().get(2).value().asText()).isEqualTo("CORRUPT_STREAM");
    }

    @Test
    void aCleanEndOfStreamReconnectsToo() throws Exception {
        HomeConnectEventStream stream = startStream();
        awaitConnected(stream);

        cloud.faults().closeStreams();

        await().atMost(AT_MOST).until(() -> stream.metrics().reconnects() == 1 && stream.state() == StreamState.CONNECTED);
        assertThat(stream.metrics().disconnects(DisconnectReason.END_OF_STREAM)).isEqualTo(1);
    }

    @Test
    void aSilentServerIsLeftAfterTheReadTimeout() throws Exception {
        HomeConnectEventStream stream = startStream();
        awaitConnected(stream);

        cloud.events().setKeepAliveInterval(Duration.ofHours(1));

        await().atMost(AT_MOST).until(() -> stream.metrics().disconnects(DisconnectReason.READ_TIMEOUT) == 1);
        assertThat(stream.metrics().disconnects(DisconnectReason.WATCHDOG)).isZero();
    }

    @Test
    void bytesWithoutAnyCompleteLineTripTheWatchdog() throws Exception {
        HomeConnectEventStream stream = startStream();
        awaitConnected(stream);
        cloud.events().setKeepAliveInterval(Duration.ofHours(1));

        long trickle = vertx.setPeriodic(200, id -> cloud.faults().injectGarbageBytes("x".getBytes(StandardCharsets.US_ASCII)));
        try {
            await().atMost(AT_MOST).until(() -> stream.metrics().disconnects(DisconnectReason.WATCHDOG) == 1);
        } finally {
            vertx.cancelTimer(trickle);
        }
        assertThat(stream.metrics().disconnects(DisconnectReason.READ_TIMEOUT)).isZero();
    }

    @Test
    void aStalledStreamWhoseKeepAlivesFlowIsNeverRecycled() throws Exception {
        HomeConnectEventStream stream = startStream();
        awaitConnected(stream);
        cloud.faults().stallStreams();
        long keepAlives = stream.metrics().keepAlives();

        // Three watchdog periods of keep-alives only: the stream is healthy by every measure it has.
        await().atMost(AT_MOST).until(() -> stream.metrics().keepAlives() >= keepAlives + 24);

        assertThat(streamOpens()).hasSize(1);
        assertThat(stream.state()).isEqualTo(StreamState.CONNECTED);
    }

    @Test
    void aRunningApplianceThatGoesQuietWhileTheStreamStallsGetsTheStreamReopened() throws Exception {
        cloud.clock().setTimeScale(1);
        HomeConnectEventStream stream = start(newStream(streamOptions().silentStallTimeout(Duration.ofSeconds(1)).build(),
                listener));
        awaitSynced(stream, Instant.EPOCH);
        cloud.household().washer().startProgram("LaundryCare.Washer.Program.Cotton");
        await().atMost(AT_MOST).until(() -> isRunning(stream));

        cloud.faults().stallStreams();
        cloud.household().washer().stopProgram();

        await().atMost(AT_MOST).until(() -> stream.metrics().disconnects(DisconnectReason.STALLED) == 1
                && stream.metrics().reconnects() == 1 && stream.state() == StreamState.CONNECTED);
        assertThat(isRunning(stream)).isFalse();
        assertThat(listener.gapMarkers()).hasSize(1);
    }

    @Test
    void aQuietRunningApplianceWhoseStatusAgreesKeepsTheStream() throws Exception {
        cloud.clock().setTimeScale(1);
        HomeConnectEventStream stream = start(newStream(streamOptions().silentStallTimeout(Duration.ofSeconds(1)).build(),
                listener));
        awaitSynced(stream, Instant.EPOCH);
        Instant started = Instant.now();
        cloud.household().washer().startProgram("LaundryCare.Washer.Program.Cotton");

        await().atMost(AT_MOST).until(() -> cloud.requests().since(started).stream()
                .anyMatch(request -> request.path().equals("/api/homeappliances/" + WASHER + "/status")));

        await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3))
                .until(() -> stream.metrics().reconnects() == 0 && stream.state() == StreamState.CONNECTED);
        assertThat(streamOpens()).hasSize(1);
    }

    @Test
    void repeatedFailuresWaitLongerEachTime() throws Exception {
        HomeConnectEventStream stream = startStream();
        awaitConnected(stream);

        cloud.faults().failNext(io.github.camelsmarthome.simulator.homeconnect.FaultTarget.EVENT_STREAM, 503, 3);
        cloud.faults().closeStreams();

        await().atMost(AT_MOST).until(() -> stream.metrics().reconnects() == 1 && stream.state() == StreamState.CONNECTED);
        assertThat(listener.calls("reconnecting")).extracting(RecordingListener.Call::delay)
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));
    }

    @Test
    void theListenerIsCalledOnAnEventLoop() throws Exception {
        HomeConnectEventStream stream = startStream();
        awaitSynced(stream, Instant.EPOCH);

        assertThat(listener.eventThreads()).isNotEmpty().allMatch(thread -> thread.startsWith("vert.x-eventloop-thread"));
    }

    private static boolean isRunning(HomeConnectEventStream stream) {
        return stream.stateStore().value(WASHER, "BSH.Common.Status.OperationState")
                .map(value -> value.asText().endsWith(".Run")).orElse(false);
    }

    /** Type, appliance and each item's key and value: what the stream must carry unchanged. */
    private static String describe(ApplianceEvent event) {
        StringBuilder text = new StringBuilder(event.type().wireName()).append(' ').append(event.haId());
        for (EventItem item : event.items()) {
            text.append(' ').append(item.key()).append('=').append(item.value());
        }
        return text.toString();
    }

    private static String describe(HomeConnectEvent event) {
        StringBuilder text = new StringBuilder(event.type()).append(' ').append(event.deviceId());
        for (HomeConnectEventItem item : event.items()) {
            text.append(' ').append(item.key()).append('=').append(item.value());
        }
        return text.toString();
    }
}
