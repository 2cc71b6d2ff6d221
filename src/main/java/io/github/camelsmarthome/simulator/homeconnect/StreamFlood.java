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
            writeNext();
        }
        done.complete(written);
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
