package io.github.camelsmarthome.homeconnect.api;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One HTTP request and its whole answer on a Vert.x {@link HttpClient}, without blocking: a
 * deadline over the whole exchange (connect, send, every byte of the answer) and a bound on the
 * answer's size that is enforced while reading, so an endless or huge answer costs neither memory
 * nor a thread. Nothing here logs: the callers know what the request was and what to hide.
 *
 * <p>Fails with {@link NoAnswer} (deadline passed or connection failed) or {@link TooLarge}.
 */
final class HttpRoundTrip {

    /** A whole answer. Header names keep their case; look them up case-insensitively. */
    record Answer(int status, Map<String, String> headers, byte[] body) {

        /** The first value of a header, any case; {@code null} when absent. */
        String header(String name) {
            for (Map.Entry<String, String> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue();
                }
            }
            return null;
        }
    }

    /** No answer: the deadline passed ({@link #timedOut}) or the connection failed. */
    static final class NoAnswer extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean timedOut;

        NoAnswer(boolean timedOut, String reason) {
            super(reason, null, false, false);
            this.timedOut = timedOut;
        }
    }

    /** The answer was larger than allowed and was dropped unread. */
    static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        TooLarge(int status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }
    }

    private final Vertx vertx;
    private final HttpClient client;

    HttpRoundTrip(Vertx vertx, HttpClient client) {
        this.vertx = vertx;
        this.client = client;
    }

    /**
     * Sends the request and collects the answer.
     *
     * @param body     the body to send, or {@code null}
     * @param deadline the longest the whole exchange may take
     * @param maxBytes the largest answer body accepted
     */
    CompletableFuture<Answer> send(HttpMethod method, String url, MultiMap headers, Buffer body, Duration connectTimeout,
            Duration deadline, int maxBytes) {
        CompletableFuture<Answer> result = new CompletableFuture<>();
        AtomicBoolean finished = new AtomicBoolean();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        long timer = vertx.setTimer(Math.max(1, deadline.toMillis()), id -> {
            if (finished.compareAndSet(false, true)) {
                HttpClientRequest request = sent.get();
                if (request != null) {
                    request.reset();
                }
                result.completeExceptionally(new NoAnswer(true, "no answer within " + deadline.toMillis() + " ms"));
            }
        });
        Runnable stopTimer = () -> vertx.cancelTimer(timer);
        RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(url).setHeaders(headers)
                .setConnectTimeout(connectTimeout.toMillis());
        // On an event loop, so that the answer's handlers are set in the same turn the answer is
        // delivered in (from another thread on a pooled connection the answer could end first).
        vertx.runOnContext(ignored -> client.request(options).onComplete(opened -> {
            if (opened.failed()) {
                fail(result, finished, stopTimer, new NoAnswer(false, describe(opened.cause())));
                return;
            }
            HttpClientRequest request = opened.result();
            sent.set(request);
            if (finished.get()) {
                request.reset();
                return;
            }
            request.exceptionHandler(failure -> fail(result, finished, stopTimer, new NoAnswer(false, describe(failure))));
            (body == null ? request.send() : request.send(body)).onComplete(answered -> {
                if (answered.failed()) {
                    fail(result, finished, stopTimer, new NoAnswer(false, describe(answered.cause())));
                } else {
                    collect(answered.result(), maxBytes, result, finished, stopTimer);
                }
            });
        }));
        return result;
    }

    private static void collect(HttpClientResponse response, int maxBytes, CompletableFuture<Answer> result,
            AtomicBoolean finished, Runnable stopTimer) {
        int status = response.statusCode();
        String declared = response.getHeader("Content-Length");
        if (declared != null && declaredTooLarge(declared, maxBytes)) {
            response.request().reset();
            fail(result, finished, stopTimer, new TooLarge(status, "answer of " + declared.strip() + " bytes exceeds the limit of "
                    + maxBytes + " bytes"));
            return;
        }
        Buffer collected = Buffer.buffer();
        response.exceptionHandler(failure -> fail(result, finished, stopTimer, new NoAnswer(false, describe(failure))));
        response.handler(chunk -> {
            if (finished.get()) {
                return;
            }
            if ((long) collected.length() + chunk.length() > maxBytes) {
                response.request().reset();
                fail(result, finished, stopTimer, new TooLarge(status, "answer exceeds the limit of " + maxBytes + " bytes"));
                return;
            }
            collected.appendBuffer(chunk);
        });
        response.endHandler(end -> {
            if (finished.compareAndSet(false, true)) {
                stopTimer.run();
                result.complete(new Answer(status, headersOf(response.headers()), collected.getBytes()));
            }
        });
    }

    private static boolean declaredTooLarge(String declared, int maxBytes) {
        try {
            return Long.parseLong(declared.strip()) > maxBytes;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }

    private static void fail(CompletableFuture<Answer> result, AtomicBoolean finished, Runnable stopTimer, Exception failure) {
        if (finished.compareAndSet(false, true)) {
            stopTimer.run();
            result.completeExceptionally(failure);
        }
    }

    private static Map<String, String> headersOf(MultiMap headers) {
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach(header -> copy.putIfAbsent(header.getKey(), header.getValue()));
        return Collections.unmodifiableMap(copy);
    }

    /** The failure's type and message: host and port at most, never a header. */
    private static String describe(Throwable failure) {
        return io.github.camelsmarthome.TransportFailure.describe(failure);
    }
}
