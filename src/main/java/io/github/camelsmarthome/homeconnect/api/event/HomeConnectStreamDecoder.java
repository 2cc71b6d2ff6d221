package io.github.camelsmarthome.homeconnect.api.event;

import io.github.camelsmarthome.homeconnect.api.sse.RawSseEvent;
import io.github.camelsmarthome.homeconnect.api.sse.SseLimits;
import io.github.camelsmarthome.homeconnect.api.sse.SseLineParser;
import io.github.camelsmarthome.homeconnect.api.sse.SseSink;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Turns the bytes of one Home Connect event-stream connection into {@link StreamOutcome}s: the
 * one class the consumer needs. Feed it every chunk as it arrives, in order, and act on what
 * comes back:
 *
 * <pre>{@code
 * HomeConnectStreamDecoder decoder = HomeConnectStreamDecoder.forAllAppliances();
 * response.handler(buffer -> {
 *     for (StreamOutcome outcome : decoder.decode(buffer.getBytes())) {
 *         if (outcome instanceof StreamOutcome.Event e) { route(e.event()); }
 *         else if (outcome instanceof StreamOutcome.KeepAlive) { watchdog.touch(); }
 *         else if (outcome instanceof StreamOutcome.Skipped s) { log.debug(s.describe()); }
 *         else if (outcome instanceof StreamOutcome.Corrupt c) { log.warn(c.describe()); reconnect(); }
 *     }
 * });
 * }</pre>
 *
 * <p>A {@link StreamOutcome.Corrupt} is always the last outcome: the decoder then ignores the rest
 * of the stream, including the rest of the chunk, because nothing after a framing fault can be
 * attributed safely. Use a new decoder for the new connection.
 *
 * <p>Not thread-safe: one decoder per connection, fed from one thread at a time.
 */
public final class HomeConnectStreamDecoder {

    private final SseLineParser parser;
    private final HomeConnectEventMapper mapper;
    private final Clock clock;
    private final Collector collector = new Collector();
    private boolean corrupt;

    /**
     * A decoder with explicit limits, clock and stream appliance.
     *
     * @param limits size bounds for lines and events
     * @param clock source of receipt times
     * @param streamApplianceId the appliance of a per-appliance stream, or {@code null} for the
     *     all-appliances stream
     */
    public HomeConnectStreamDecoder(SseLimits limits, Clock clock, String streamApplianceId) {
        this.parser = new SseLineParser(limits);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mapper = new HomeConnectEventMapper(streamApplianceId);
    }

    /** A decoder for {@code GET /homeappliances/events} with default limits and the system clock. */
    public static HomeConnectStreamDecoder forAllAppliances() {
        return new HomeConnectStreamDecoder(SseLimits.DEFAULT, Clock.systemUTC(), null);
    }

    /** A decoder for {@code GET /homeappliances/{haId}/events} with default limits and the system clock. */
    public static HomeConnectStreamDecoder forAppliance(String haId) {
        return new HomeConnectStreamDecoder(SseLimits.DEFAULT, Clock.systemUTC(), Objects.requireNonNull(haId, "haId"));
    }

    /** Decodes a whole chunk; the array is not kept. */
    public List<StreamOutcome> decode(byte[] chunk) {
        return decode(chunk, 0, chunk.length);
    }

    /** Decodes {@code length} bytes of {@code chunk} from {@code offset}; the array is not kept. */
    public List<StreamOutcome> decode(byte[] chunk, int offset, int length) {
        if (corrupt) {
            return List.of();
        }
        parser.feed(chunk, offset, length, collector);
        return collector.drain();
    }

    /** Decodes and consumes the remaining bytes of {@code chunk}. */
    public List<StreamOutcome> decode(ByteBuffer chunk) {
        if (corrupt) {
            chunk.position(chunk.limit());
            return List.of();
        }
        parser.feed(chunk, collector);
        return collector.drain();
    }

    /** Whether a {@link StreamOutcome.Corrupt} was returned; everything after it is ignored. */
    public boolean isCorrupt() {
        return corrupt;
    }

    /** Bytes fed so far; the offsets in outcomes count from here. */
    public long bytesConsumed() {
        return parser.bytesConsumed();
    }

    /** Collects one chunk's outcomes; reused across chunks so an idle stream allocates little. */
    private final class Collector implements SseSink {

        private List<StreamOutcome> outcomes = new ArrayList<>(4);

        @Override
        public void onEvent(RawSseEvent event) {
            if (corrupt) {
                return;
            }
            StreamOutcome outcome = mapper.map(event, clock.instant());
            outcomes.add(outcome);
            corrupt = outcome instanceof StreamOutcome.Corrupt;
        }

        @Override
        public void onMalformed(String reason, long offset) {
            if (!corrupt) {
                outcomes.add(new StreamOutcome.Corrupt(reason, null, offset));
                corrupt = true;
            }
        }

        List<StreamOutcome> drain() {
            if (outcomes.isEmpty()) {
                return List.of();
            }
            List<StreamOutcome> drained = outcomes;
            outcomes = new ArrayList<>(4);
            return Collections.unmodifiableList(drained);
        }
    }
}
