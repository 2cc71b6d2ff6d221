package io.github.camelsmarthome.simplisafe.api.client;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One HTTP attempt with a deadline over the whole exchange and a body limit enforced while the
 * bytes arrive, so a slow or endless answer holds neither a thread nor unbounded memory. It does
 * not log: only the call knows what may be shown.
 */
final class BoundedExchange {

    /** A complete answer. */
    record Answer(int status, byte[] body) {
    }

    /** Nothing usable arrived: connect failure, reset, or the deadline passed. */
    static final class NoAnswer extends Exception {
        private static final long serialVersionUID = 1L;

        NoAnswer(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The answer passed the size limit. */
    static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        TooLarge(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Vertx vertx;
    private final HttpClient client;

    BoundedExchange(Vertx vertx, HttpClient client) {
        this.vertx = vertx;
        this.client = client;
    }

    /** Sends and collects; fails with {@link NoAnswer} or {@link TooLarge}. */
    CompletableFuture<Answer> send(HttpMethod method, String url, MultiMap headers, Buffer body, Duration connectTimeout,
            Duration deadline, int maxBytes) {
        Attempt attempt = new Attempt(maxBytes);
        attempt.timer = vertx.setTimer(Math.max(1, deadline.toMillis()),
                id -> attempt.fail(new NoAnswer("no answer within " + deadline.toMillis() + " ms")));
        RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(url).setHeaders(headers)
                .setConnectTimeout(connectTimeout.toMillis());
        // On an event loop, so that the answer's handlers are set in the same turn the answer is
        // delivered in (from another thread on a pooled connection the answer could end first).
        vertx.runOnContext(ignored -> client.request(options).onComplete(opened -> {
            if (opened.failed()) {
                attempt.fail(new NoAnswer(describe(opened.cause())));
                return;
            }
            HttpClientRequest request = opened.result();
            attempt.request.set(request);
            if (attempt.done.get()) {
                request.reset();
                return;
            }
            request.exceptionHandler(failure -> attempt.fail(new NoAnswer(describe(failure))));
            (body == null ? request.send() : request.send(body)).onComplete(sent -> {
                if (sent.failed()) {
                    attempt.fail(new NoAnswer(describe(sent.cause())));
                } else {
                    attempt.read(sent.result());
                }
            });
        }));
        return attempt.result;
    }

    /** The state of one exchange; whichever of answer, failure and deadline comes first wins. */
    private final class Attempt {
        final CompletableFuture<Answer> result = new CompletableFuture<>();
        final AtomicBoolean done = new AtomicBoolean();
        final AtomicReference<HttpClientRequest> request = new AtomicReference<>();
        final int maxBytes;
        volatile long timer = -1;

        Attempt(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        void read(HttpClientResponse response) {
            long declared = declaredLength(response.getHeader("Content-Length"));
            if (declared > maxBytes) {
                fail(new TooLarge("answer of " + declared + " bytes is over the limit of " + maxBytes));
                return;
            }
            Buffer collected = Buffer.buffer();
            response.exceptionHandler(failure -> fail(new NoAnswer(describe(failure))));
            response.handler(chunk -> {
                if (done.get()) {
                    return;
                }
                if ((long) collected.length() + chunk.length() > maxBytes) {
                    fail(new TooLarge("answer is over the limit of " + maxBytes + " bytes"));
                } else {
                    collected.appendBuffer(chunk);
                }
            });
            response.endHandler(end -> {
                if (done.compareAndSet(false, true)) {
                    vertx.cancelTimer(timer);
                    result.complete(new Answer(response.statusCode(), collected.getBytes()));
                }
            });
        }

        void fail(Exception failure) {
            if (done.compareAndSet(false, true)) {
                vertx.cancelTimer(timer);
                HttpClientRequest sent = request.get();
                if (sent != null) {
                    // Drops the connection rather than draining an answer nobody will read.
                    sent.reset();
                }
                result.completeExceptionally(failure);
            }
        }
    }

    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException malformed) {
            return -1;
        }
    }

    /** Type and message of a transport failure: at most host and port, never headers. */
    private static String describe(Throwable failure) {
        return io.github.camelsmarthome.TransportFailure.describe(failure);
    }
}
