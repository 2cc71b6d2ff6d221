package io.github.camelsmarthome.bench;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.miio.protocol.MiioPacketCodec;
import io.github.camelsmarthome.miio.protocol.MiioPacketException;
import io.github.camelsmarthome.miio.protocol.MiioPushServer;
import io.github.camelsmarthome.miio.protocol.MiioPushServerOptions;
import io.github.camelsmarthome.miio.protocol.MiioToken;

/**
 * Benchmark 3: a gateway bursting 1,000 sealed events at the real {@link MiioPushServer} over
 * loopback UDP; per event, the time from the datagram leaving the gateway to its ack arriving
 * back (decrypt, classify, de-duplicate, encrypt the ack), and the ack rate during the burst;
 * then the same 1,000 events paced one per millisecond, which shows the ack time without the
 * queue a burst builds.
 *
 * <p>The fake gateway of the simulator delivers one event at a time with a hello before each (as
 * a real gateway does), so it cannot burst: this sender seals the datagrams with the same codec
 * and sends them back to back.
 */
final class MiioAckBench {

    static final String TOKEN = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final long GATEWAY_DID = 0x0A1B2C3DL;
    private static final int BURST = 1_000;
    private static final long PACED_NANOS = 1_000_000;

    private final BenchReport report;
    private final ObjectMapper json = new ObjectMapper();

    MiioAckBench(BenchReport report) {
        this.report = report;
    }

    void run(int warmUpBursts, int measuredBursts) throws Exception {
        MiioToken token = MiioToken.fromHex(TOKEN);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        AtomicLong delivered = new AtomicLong();
        try (MiioPushServer server = new MiioPushServer(MiioPushServerOptions.defaults().withBinding(loopback, 0));
                DatagramSocket gateway = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            server.start();
            server.register(loopback, token, event -> delivered.incrementAndGet());
            gateway.setReceiveBufferSize(4 << 20);
            gateway.setSendBufferSize(4 << 20);
            InetSocketAddress target = new InetSocketAddress(loopback, server.localAddress().getPort());
            long nextId = 1;
            for (long pace : new long[] {0, PACED_NANOS}) {
                String kind = pace == 0 ? "burst" : "paced 1/ms";
                Latencies series = new Latencies("miio ack, " + kind + " x " + BURST);
                int acked = 0;
                long burstNanos = 0;
                for (int burst = 0; burst < warmUpBursts + measuredBursts; burst++) {
                    boolean measured = burst >= warmUpBursts;
                    report.progress("miio: %s %d of %d (%s)", kind, burst + 1, warmUpBursts + measuredBursts, measured ? "measured" : "warm-up");
                    BurstResult result = burst(gateway, target, token, nextId, measured ? series : null, pace);
                    nextId += BURST;
                    if (measured) {
                        acked += result.acked();
                        burstNanos += result.nanos();
                    }
                }
                String note = String.format(Locale.ROOT, "%d runs; %,d of %,d acked (no re-sends)", measuredBursts, acked, measuredBursts * BURST);
                report.addLatencies("miio", series, "<= 1 ms", note);
                if (pace == 0) {
                    report.add("miio", "decrypt + ack throughput (burst)", acked / (burstNanos / 1e9), "acks/s", "", note);
                }
            }
            report.add("miio", "datagrams the server never saw (burst losses)", 2L * (warmUpBursts + measuredBursts) * BURST
                    - server.stats().received(), "datagrams", "", "kernel receive buffer overflow: no SO_RCVBUF set on the push socket");
        }
    }

    private record BurstResult(int acked, long nanos) {
    }

    private BurstResult burst(DatagramSocket gateway, InetSocketAddress target, MiioToken token, long firstId, Latencies series,
            long paceNanos)
            throws Exception {
        AtomicLongArray sentAt = new AtomicLongArray(BURST);
        byte[][] datagrams = new byte[BURST][];
        long stamp = System.currentTimeMillis() / 1000;
        for (int i = 0; i < BURST; i++) {
            String event = "{\"id\":" + (firstId + i) + ",\"method\":\"click_ch0:lumi_158d0001a2b3c4\",\"params\":[]}";
            datagrams[i] = MiioPacketCodec.encode(GATEWAY_DID, stamp, token, event.getBytes(StandardCharsets.UTF_8));
        }
        AtomicInteger acked = new AtomicInteger();
        AtomicLong lastAck = new AtomicLong();
        Thread receiver = new Thread(() -> receiveAcks(gateway, token, firstId, sentAt, series, acked, lastAck), "bench-miio-acks");
        gateway.setSoTimeout(2_000);
        receiver.start();
        long started = System.nanoTime();
        for (int i = 0; i < BURST; i++) {
            long slot = started + i * paceNanos;
            while (System.nanoTime() < slot) {
                Thread.onSpinWait();
            }
            sentAt.set(i, System.nanoTime());
            gateway.send(new DatagramPacket(datagrams[i], datagrams[i].length, target));
        }
        receiver.join(Duration.ofSeconds(30).toMillis());
        return new BurstResult(acked.get(), Math.max(1, lastAck.get() - started));
    }

    private void receiveAcks(DatagramSocket gateway, MiioToken token, long firstId, AtomicLongArray sentAt, Latencies series,
            AtomicInteger acked, AtomicLong lastAck) {
        byte[] buffer = new byte[2048];
        boolean[] seen = new boolean[sentAt.length()];
        while (acked.get() < sentAt.length()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                gateway.receive(packet);
            } catch (SocketTimeoutException e) {
                return;
            } catch (SocketException e) {
                return;
            } catch (IOException e) {
                return;
            }
            long now = System.nanoTime();
            int index = ackedIndex(Arrays.copyOf(packet.getData(), packet.getLength()), token, firstId);
            if (index >= 0 && index < sentAt.length() && !seen[index]) {
                seen[index] = true;
                acked.incrementAndGet();
                lastAck.set(now);
                if (series != null) {
                    series.recordNanos(now - sentAt.get(index));
                }
            }
        }
    }

    private int ackedIndex(byte[] datagram, MiioToken token, long firstId) {
        try {
            JsonNode ack = json.readTree(MiioPacketCodec.decode(datagram, token));
            return ack.path("result").asInt(-1) == 0 ? (int) (ack.path("id").asLong() - firstId) : -1;
        } catch (MiioPacketException | IOException e) {
            return -1;
        }
    }
}
