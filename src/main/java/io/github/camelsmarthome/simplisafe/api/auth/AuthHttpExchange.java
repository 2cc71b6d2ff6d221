package io.github.camelsmarthome.simplisafe.api.auth;

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
 * One HTTP request and its whole (small) answer without blocking: a deadline over the whole
 * exchange and a cap on the answer's size, so a stuck or endless answer costs neither a thread nor
 * memory. Logs nothing; failures name the host at most, never a header or body.
 */
final class AuthHttpExchange {

    /** An answer: its status and body. */
    record Answer(int status, byte[] body) {
    }

    /** No answer in time, or the connection failed; {@link #getMessage()} holds no secret. */
    static final class NoAnswer extends Exception {
        private static final long serialVersionUID = 1L;

        NoAnswer(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Token answers are a few kilobytes; anything far larger is not the tenant speaking. */
    static final int MAX_ANSWER_BYTES = 256 * 1024;

    private final Vertx vertx;
    private final HttpClient client;

    AuthHttpExchange(Vertx vertx, HttpClient client) {
        this.vertx = vertx;
        this.client = client;
    }

    CompletableFuture<Answer> send(HttpMethod method, String url, MultiMap headers, Buffer body, Duration deadline) {
        CompletableFuture<Answer> result = new CompletableFuture<>();
        AtomicBoolean finished = new AtomicBoolean();
        AtomicReference<HttpClientRequest> opened = new AtomicReference<>();
        long timer = vertx.setTimer(Math.max(1, deadline.toMillis()), id -> {
            if (finished.compareAndSet(false, true)) {
                // Free the connection of a stuck exchange instead of leaving it to the pool.
                HttpClientRequest request = opened.get();
                if (request != null) {
                    request.reset();
                }
                result.completeExceptionally(new NoAnswer("no answer within " + deadline.toMillis() + " ms"));
            }
        });
        RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(url).setHeaders(headers)
                .setConnectTimeout(deadline.toMillis());
        // On an event loop, so that the answer's handlers are set in the same turn the answer is
        // delivered in: called from another thread on a pooled connection, the answer could end
        // before they are set, and the exchange would wait for its deadline (seen in CI).
        vertx.runOnContext(ignored -> client.request(options)
                .compose(request -> {
                    opened.set(request);
                    return body == null ? request.send() : request.send(body);
                })
                .onComplete(sent -> {
                    if (sent.failed()) {
                        fail(result, finished, timer, new NoAnswer(describe(sent.cause())));
                    } else {
                        collect(sent.result(), result, finished, timer);
                    }
                }));
        return result;
    }

    private void collect(HttpClientResponse response, CompletableFuture<Answer> result, AtomicBoolean finished, long timer) {
        Buffer collected = Buffer.buffer();
        response.exceptionHandler(failure -> fail(result, finished, timer, new NoAnswer(describe(failure))));
        response.handler(chunk -> {
            if (finished.get()) {
                return;
            }
            if ((long) collected.length() + chunk.length() > MAX_ANSWER_BYTES) {
                response.request().reset();
                fail(result, finished, timer, new NoAnswer("answer larger than " + MAX_ANSWER_BYTES + " bytes"));
                return;
            }
            collected.appendBuffer(chunk);
        });
        response.endHandler(end -> {
            if (finished.compareAndSet(false, true)) {
                vertx.cancelTimer(timer);
                result.complete(new Answer(response.statusCode(), collected.getBytes()));
            }
        });
    }

    private void fail(CompletableFuture<Answer> result, AtomicBoolean finished, long timer, Exception failure) {
        if (finished.compareAndSet(false, true)) {
            vertx.cancelTimer(timer);
            result.completeExceptionally(failure);
        }
    }

    private static String describe(Throwable failure) {
        return io.github.camelsmarthome.TransportFailure.describe(failure);
    }
}
