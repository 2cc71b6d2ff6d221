package io.github.camelsmarthome.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongConsumer;

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
 * queue a burst builds. For both, the server's own figure too (its ack latency metric: the
 * datagram read off the socket to the ack written, which the 1 ms budget is read against), and
 * the CPU time of the server's threads per event.
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
    private static final int JIT_WARM_UP_RUNS = 20;

    private final BenchReport report;
    private final ObjectMapper json = new ObjectMapper();

    MiioAckBench(BenchReport report) {
        this.report = report;
    }

    void run(int warmUpBursts, int measuredBursts) throws Exception {
        // The suite's 3 warm-up runs (3,000 events) leave the hot path in the interpreter and C1: C2
        // compiles a method after about 10,000 calls. Measured that way, the server spent 2 to 4 times
        // its steady-state CPU per event (issue #8, docs/benchmarks.md). The burst runs first, so its
        // warm-up also warms the paced runs.
        int burstWarmUps = Math.max(warmUpBursts, Integer.getInteger("bench.miio.warm-up-runs", JIT_WARM_UP_RUNS));
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
                Latencies series = new Latencies("miio ack, " + kind + " x " + BURST + ", client (sent -> ack received)");
                Latencies inServer = new Latencies("miio ack, " + kind + " x " + BURST + ", server (datagram read -> ack written)");
                LongConsumer serverObserver = inServer::recordNanos;
                int acked = 0;
                long burstNanos = 0;
                long serverCpuNanos = 0;
                int warmUps = pace == 0 ? burstWarmUps : warmUpBursts;
                for (int burst = 0; burst < warmUps + measuredBursts; burst++) {
                    boolean measured = burst >= warmUps;
                    report.progress("miio: %s %d of %d (%s)", kind, burst + 1, warmUps + measuredBursts, measured ? "measured" : "warm-up");
                    if (measured) {
                        server.stats().observeAckLatency(serverObserver);
                    }
                    long cpuBefore = serverCpuNanos();
                    BurstResult result = burst(gateway, target, token, nextId, measured ? series : null, pace);
                    long cpu = serverCpuNanos() - cpuBefore;
                    server.stats().stopObservingAckLatency(serverObserver);
                    nextId += BURST;
                    if (measured) {
                        acked += result.acked();
                        burstNanos += result.nanos();
                        serverCpuNanos += cpu;
                    }
                }
                String note = String.format(Locale.ROOT, "%d runs; %,d of %,d acked (no re-sends)", measuredBursts, acked, measuredBursts * BURST);
                // The budget reads "after the datagram arrives": the server's own figure (docs/benchmarks.md).
                report.addLatencies("miio", inServer, "<= 1 ms", note);
                report.addLatencies("miio", series, "", note + "; includes the kernel queue a burst builds");
                if (pace == 0) {
                    report.add("miio", "decrypt + ack throughput (burst)", acked / (burstNanos / 1e9), "acks/s", "", note);
                }
                report.add("miio", "server CPU per acked event, " + kind, serverCpuNanos / 1e3 / Math.max(1, acked), "us", "",
                        "CPU time of the push server's threads (miio-push-*) during the measured runs / acks");
            }
            report.add("miio", "datagrams the server never saw (burst losses)", (burstWarmUps + warmUpBursts + 2L * measuredBursts) * BURST
                    - server.stats().received(), "datagrams", "", "kernel receive buffer overflow (the push socket asks for a 2 MiB SO_RCVBUF)");
        }
    }

    /** CPU time so far of the push server's own threads (I/O and listener), in nanoseconds. */
    private static long serverCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("miio-push-")) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getId()));
            }
        }
        return total;
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

    /**
     * Receives until every ack is in or nothing came for the socket timeout. Only the arrival time
     * and the bytes are taken while the burst runs; the acks are opened (AES, JSON) afterwards, so
     * that the receiver keeps up with the socket and its own work does not count as ack latency.
     */
    private void receiveAcks(DatagramSocket gateway, MiioToken token, long firstId, AtomicLongArray sentAt, Latencies series,
            AtomicInteger acked, AtomicLong lastAck) {
        int expected = sentAt.length();
        byte[][] received = new byte[expected * 2][];
        long[] receivedAt = new long[received.length];
        int count = 0;
        byte[] buffer = new byte[2048];
        while (count < expected && count < received.length) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                gateway.receive(packet);
            } catch (IOException e) {
                break; // the socket timeout (nothing more is coming) or the socket closed
            }
            receivedAt[count] = System.nanoTime();
            received[count] = Arrays.copyOf(packet.getData(), packet.getLength());
            count++;
        }
        boolean[] seen = new boolean[expected];
        for (int i = 0; i < count; i++) {
            int index = ackedIndex(received[i], token, firstId);
            if (index >= 0 && index < expected && !seen[index]) {
                seen[index] = true;
                acked.incrementAndGet();
                lastAck.accumulateAndGet(receivedAt[i], Math::max);
                if (series != null) {
                    series.recordNanos(receivedAt[i] - sentAt.get(index));
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
