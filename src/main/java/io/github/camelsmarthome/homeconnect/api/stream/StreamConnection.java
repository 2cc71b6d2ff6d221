package io.github.camelsmarthome.homeconnect.api.stream;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP request for the all-appliances event stream ({@code GET /api/homeappliances/events},
 * brief 8.1): opens it, passes each chunk on, enforces the read timeout and the line watchdog
 * (brief 8.6), pauses reading on request, and reports exactly one outcome: opened then ended, or
 * refused with the error answer, or ended before any answer.
 *
 * <p>Both timeouts are checked by one Vert.x timer that is re-armed lazily rather than reset per
 * chunk, so a busy stream costs no timer churn. While reading is paused for backpressure neither
 * timeout runs: the silence is ours, not the server's.
 *
 * <p>Not thread-safe: created, used and called back on the stream's event loop.
 */
final class StreamConnection {

    /** What the connection reports; each call at most once, {@link #chunk} excepted. */
    interface Events {

        /** The server answered 200; chunks follow. */
        void opened();

        /** Bytes of the stream, in order. */
        void chunk(Buffer bytes);

        /** The server answered with an error status; {@code body} is its start, possibly empty. */
        void refused(int status, Map<String, String> headers, String body);

        /** The stream (or the attempt to open it) ended without an answer to report. */
        void ended(DisconnectReason reason, String detail);
    }

    static final String PATH = "/api/homeappliances/events";
    /** Enough for any error envelope; more is not read, so a broken server cannot fill the heap. */
    private static final int MAX_ERROR_BODY = 16 * 1024;

    private final Vertx vertx;
    private final HttpClient client;
    private final EventStreamOptions options;
    private final Events events;
    private final long readTimeoutNanos;
    private final long watchdogNanos;

    private HttpClientRequest request;
    private HttpClientResponse response;
    private boolean streaming;
    private boolean paused;
    private boolean finished;
    private long timer = -1;
    private long lastByteNanos;
    private long lastLineNanos;
    private int errorStatus;
    private Map<String, String> errorHeaders;
    private Buffer errorBody;

    StreamConnection(Vertx vertx, HttpClient client, EventStreamOptions options, Events events) {
        this.vertx = vertx;
        this.client = client;
        this.options = options;
        this.events = events;
        this.readTimeoutNanos = options.readTimeout().toNanos();
        this.watchdogNanos = options.watchdogTimeout().toNanos();
    }

    /** Sends the request with {@code accessToken}; never logs it. */
    void open(String accessToken) {
        RequestOptions get = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(options.baseUrl() + PATH)
                .putHeader("Accept", "text/event-stream")
                .putHeader("Authorization", "Bearer " + accessToken)
                .putHeader("Cache-Control", "no-store")
                .putHeader("User-Agent", options.userAgent());
        if (options.acceptLanguage() != null) {
            get.putHeader("Accept-Language", options.acceptLanguage());
        }
        touch(true);
        arm(readTimeoutNanos);
        client.request(get).onComplete(created -> {
            if (finished) {
                if (created.succeeded()) {
                    created.result().reset();
                }
                return;
            }
            if (created.failed()) {
                finish(DisconnectReason.TRANSPORT_ERROR, describe(created.cause()));
                return;
            }
            this.request = created.result();
            this.request.exceptionHandler(failure -> finish(DisconnectReason.TRANSPORT_ERROR, describe(failure)));
            this.request.send().onComplete(answered -> {
                if (finished) {
                    return;
                }
                if (answered.failed()) {
                    finish(DisconnectReason.TRANSPORT_ERROR, describe(answered.cause()));
                } else {
                    onResponse(answered.result());
                }
            });
        });
    }

    /** Stops reading; the server's bytes wait in TCP buffers until {@link #resume()}. */
    void pause() {
        if (!paused) {
            paused = true;
            if (response != null) {
                response.pause();
            }
        }
    }

    /** Reads again after {@link #pause()}; the timeouts start afresh. */
    void resume() {
        if (paused) {
            paused = false;
            touch(true);
            if (response != null && !finished) {
                response.resume();
            }
        }
    }

    /** Whether reading is paused. */
    boolean isPaused() {
        return paused;
    }

    /** Closes the connection without reporting anything: the owner is done with it. */
    void close() {
        if (!finished) {
            finished = true;
            cancelTimer();
            abort();
        }
    }

    private void onResponse(HttpClientResponse answer) {
        this.response = answer;
        touch(true);
        if (answer.statusCode() == 200) {
            streaming = true;
            answer.handler(this::onChunk);
            answer.endHandler(ended -> finish(DisconnectReason.END_OF_STREAM, "the server ended the stream"));
            answer.exceptionHandler(failure -> finish(DisconnectReason.TRANSPORT_ERROR, describe(failure)));
            if (paused) {
                answer.pause();
            }
            events.opened();
            return;
        }
        errorStatus = answer.statusCode();
        errorHeaders = new HashMap<>();
        String retryAfter = answer.getHeader("Retry-After");
        if (retryAfter != null) {
            errorHeaders.put("Retry-After", retryAfter);
        }
        errorBody = Buffer.buffer();
        answer.handler(bytes -> {
            touch(false);
            int room = MAX_ERROR_BODY - errorBody.length();
            if (room > 0) {
                errorBody.appendBuffer(bytes, 0, Math.min(room, bytes.length()));
            }
        });
        answer.endHandler(ended -> refusedOnce());
        answer.exceptionHandler(failure -> refusedOnce());
    }

    private void onChunk(Buffer bytes) {
        if (finished) {
            return;
        }
        touch(containsLineEnd(bytes));
        events.chunk(bytes);
    }

    private void refusedOnce() {
        if (finished) {
            return;
        }
        finished = true;
        cancelTimer();
        abort();
        events.refused(errorStatus, errorHeaders, errorBody.toString(StandardCharsets.UTF_8));
    }

    private void finish(DisconnectReason reason, String detail) {
        if (errorStatus != 0) {
            refusedOnce();
            return;
        }
        if (finished) {
            return;
        }
        finished = true;
        cancelTimer();
        abort();
        events.ended(reason, detail);
    }

    private void checkDeadlines() {
        timer = -1;
        if (finished) {
            return;
        }
        if (paused) {
            arm(Math.min(readTimeoutNanos, watchdogNanos));
            return;
        }
        long now = System.nanoTime();
        long sinceByte = now - lastByteNanos;
        long sinceLine = now - lastLineNanos;
        if (sinceByte >= readTimeoutNanos) {
            finish(DisconnectReason.READ_TIMEOUT, "no data for " + Duration.ofNanos(sinceByte).toMillis() + " ms");
            return;
        }
        if (streaming && sinceLine >= watchdogNanos) {
            finish(DisconnectReason.WATCHDOG, "no complete line for " + Duration.ofNanos(sinceLine).toMillis() + " ms");
            return;
        }
        long untilNext = readTimeoutNanos - sinceByte;
        if (streaming) {
            untilNext = Math.min(untilNext, watchdogNanos - sinceLine);
        }
        arm(untilNext);
    }

    private void arm(long nanos) {
        timer = vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos) + 1), id -> checkDeadlines());
    }

    private void cancelTimer() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    private void touch(boolean line) {
        long now = System.nanoTime();
        lastByteNanos = now;
        if (line) {
            lastLineNanos = now;
        }
    }

    private void abort() {
        if (request != null) {
            request.reset();
        }
    }

    private static boolean containsLineEnd(Buffer bytes) {
        for (int i = 0, length = bytes.length(); i < length; i++) {
            byte b = bytes.getByte(i);
            if (b == '\n' || b == '\r') {
                return true;
            }
        }
        return false;
    }

    /** The kind of failure and Vert.x's message, which names host and port at most, never a header. */
    private static String describe(Throwable failure) {
        return io.github.camelsmarthome.TransportFailure.describe(failure);
    }
}
