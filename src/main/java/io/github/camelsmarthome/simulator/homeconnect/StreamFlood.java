package io.github.camelsmarthome.simulator.homeconnect;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * Writes a run of frames to one stream for benchmarks: as fast as the client reads them (rate 0),
 * or at a fixed rate. Runs on the stream's own context and honours the response's write queue,
 * so a slow client slows the flood down instead of filling the simulator's memory.
 */
final class StreamFlood {

    /** Rated floods write what is due every tick; 1 ms keeps a 1,000/s flood one frame per tick. */
    private static final long TICK_MS = 1;
    /** Unthrottled floods write this much per write, a few frames; rated ones one frame per write. */
    private static final int COALESCE_BYTES = 8 * 1_024;

    private final HttpServerResponse response;
    private final Context context;
    private final IntFunction<String> frames;
    private final int count;
    private final int perSecond;
    private final CompletableFuture<Integer> done = new CompletableFuture<>();
    private int written;
    private long startedNanos;

    StreamFlood(HttpServerResponse response, Context context, IntFunction<String> frames, int count, int perSecond) {
        this.response = response;
        this.context = context;
        this.frames = frames;
        this.count = count;
        this.perSecond = perSecond;
    }

    /** Starts the flood; completes with the frames written when all were handed to the socket or the stream closed. */
    CompletableFuture<Integer> start() {
        context.runOnContext(v -> {
            startedNanos = System.nanoTime();
            if (perSecond <= 0) {
                pumpUnthrottled();
            } else {
                context.owner().setPeriodic(TICK_MS, this::tick);
            }
        });
        return done;
    }

    private void pumpUnthrottled() {
        while (written < count) {
            if (stopped()) {
                return;
            }
            if (response.writeQueueFull()) {
                response.drainHandler(v -> pumpUnthrottled());
                return;
            }
            writeSeveral();
        }
        done.complete(written);
    }

    /**
     * Frames up to about {@value #COALESCE_BYTES} bytes in one write: what a client reading a
     * saturated stream receives anyway (TCP joins them), for a fraction of the simulator's CPU, which
     * in the throughput benchmark shares the cores with the bridge it measures.
     */
    private void writeSeveral() {
        Buffer buffer = Buffer.buffer(COALESCE_BYTES + 1_024);
        do {
            buffer.appendString(frames.apply(written), "UTF-8");
            written++;
        } while (written < count && buffer.length() < COALESCE_BYTES);
        response.write(buffer);
    }

    private void tick(long timerId) {
        if (stopped()) {
            context.owner().cancelTimer(timerId);
            return;
        }
        long due = Math.min(count, (System.nanoTime() - startedNanos) * perSecond / 1_000_000_000L + 1);
        // A client that cannot keep up makes the flood fall behind, never buffer without bound.
        while (written < due && !response.writeQueueFull()) {
            writeNext();
        }
        if (written >= count) {
            context.owner().cancelTimer(timerId);
            done.complete(written);
        }
    }

    private void writeNext() {
        response.write(Buffer.buffer(frames.apply(written).getBytes(StandardCharsets.UTF_8)));
        written++;
    }

    private boolean stopped() {
        if (response.closed() || response.ended()) {
            done.complete(written);
            return true;
        }
        return false;
    }
}
