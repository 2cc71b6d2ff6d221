package io.github.camelsmarthome.bench;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A latency distribution recorded from any thread: HdrHistogram (on the test classpath through
 * Micrometer), microsecond resolution from 1 µs to 60 s, three significant digits.
 */
final class Latencies {

    private final String name;
    private final Recorder recorder = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
    private final Histogram total = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);

    Latencies(String name) {
        this.name = name;
    }

    /** The series name, e.g. {@code kafka @ 1000/s}. */
    String name() {
        return name;
    }

    /** Records one latency; values below 1 µs count as 1 µs, above 60 s as 60 s. */
    void recordNanos(long nanos) {
        long micros = Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), TimeUnit.SECONDS.toMicros(60)));
        recorder.recordValue(micros);
    }

    /** Everything recorded so far. */
    synchronized Histogram histogram() {
        total.add(recorder.getIntervalHistogram());
        return total;
    }

    /** Adds a distribution recorded elsewhere, e.g. in the bundle's own JVM ({@link #decode}). */
    synchronized void add(Histogram recorded) {
        total.add(recorder.getIntervalHistogram());
        total.add(recorded);
    }

    /** Everything recorded so far as one line of text (compressed, Base64), for {@link #decode}. */
    String encode() {
        Histogram histogram = histogram().copy();
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    /** The distribution {@link #encode} wrote. */
    static Histogram decode(String encoded) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(encoded)), 0);
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalArgumentException("not an encoded latency distribution", e);
        }
    }

    long count() {
        return histogram().getTotalCount();
    }

    /** The {@code percentile} (0-100) in milliseconds. */
    double percentileMillis(double percentile) {
        return histogram().getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return histogram().getMaxValue() / 1000.0;
    }
}
