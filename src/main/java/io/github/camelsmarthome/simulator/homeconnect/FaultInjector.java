package io.github.camelsmarthome.simulator.homeconnect;

import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The faults tests switch on (brief section 11): error answers, 401, 429 with Retry-After, slow
 * answers and dropped connections for the next requests; and on open streams drops mid-event,
 * resets, stalls, garbage, split and merged chunks and missing ids.
 *
 * <p>Request faults are one-shot and queue up in the order they were armed; the first whose
 * target covers a request and that is not used up answers it. Stream faults act on the streams
 * open at the time of the call.
 */
public final class FaultInjector {

    /** What an armed request fault does. */
    enum Kind { STATUS, DELAY, CLOSE_CONNECTION }

    /** One armed request fault; {@code remaining} counts down under the injector's queue. */
    static final class RequestFault {
        final FaultTarget target;
        final Kind kind;
        final int status;
        final long retryAfterSeconds;
        final Duration delay;
        int remaining;

        RequestFault(FaultTarget target, Kind kind, int status, long retryAfterSeconds, Duration delay, int times) {
            this.target = target;
            this.kind = kind;
            this.status = status;
            this.retryAfterSeconds = retryAfterSeconds;
            this.delay = delay;
            this.remaining = times;
        }
    }

    private final EventStreamHub hub;
    private final Queue<RequestFault> armed = new ConcurrentLinkedQueue<>();
    private volatile Duration delayAll = Duration.ZERO;

    FaultInjector(EventStreamHub hub) {
        this.hub = hub;
    }

    // ---- request faults ----

    /**
     * The next {@code times} matching requests get this status with the body the cloud sends for
     * it: 401 {@code invalid_token}, 403 {@code insufficient_scope}, 429 {@code "429"}, 409 offline,
     * 5xx ({@code SDK.Error.504.GatewayTimeout} …); OAuth-style JSON on the token endpoint.
     */
    public void failNext(FaultTarget target, int status, int times) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("A failure status is 4xx or 5xx, got " + status);
        }
        arm(new RequestFault(target, Kind.STATUS, status, status == 429 ? 60 : 0, null, times));
    }

    /** The next matching request gets this status. */
    public void failNext(FaultTarget target, int status) {
        failNext(target, status, 1);
    }

    /** The next matching request gets 401 {@code invalid_token}, as after a server-side token invalidation. */
    public void unauthorizedNext(FaultTarget target) {
        failNext(target, 401, 1);
    }

    /** The next {@code times} matching requests get 429 with this {@code Retry-After}. */
    public void rateLimitNext(FaultTarget target, Duration retryAfter, int times) {
        arm(new RequestFault(target, Kind.STATUS, 429, Math.max(1, (retryAfter.toMillis() + 999) / 1000), null, times));
    }

    /** The next {@code times} matching requests are answered only after {@code delay} (beyond a client timeout, say). */
    public void delayNext(FaultTarget target, Duration delay, int times) {
        arm(new RequestFault(target, Kind.DELAY, 0, 0, Objects.requireNonNull(delay), times));
    }

    /** Every request waits this long before it is handled; {@link Duration#ZERO} switches it off. */
    public void delayAll(Duration delay) {
        this.delayAll = Objects.requireNonNull(delay);
    }

    /** The next matching request's connection is closed without any answer. */
    public void closeConnectionNext(FaultTarget target) {
        closeConnectionNext(target, 1);
    }

    /**
     * The next {@code times} matching requests' connections are closed without any answer. Arm
     * two to defeat a client that silently retries an idempotent request once (the JDK client does).
     */
    public void closeConnectionNext(FaultTarget target, int times) {
        arm(new RequestFault(target, Kind.CLOSE_CONNECTION, 0, 0, null, times));
    }

    /** Disarms every request fault and the global delay. */
    public void clear() {
        armed.clear();
        delayAll = Duration.ZERO;
    }

    // ---- stream faults ----

    /** Each open stream writes half of its next appliance event, then the connection closes. */
    public void dropStreamsOnNextEvent() {
        hub.openStreams().forEach(EventStream::dropOnNextEvent);
    }

    /** Closes every open stream's connection now without ending the body (the client sees a truncated stream). */
    public void dropStreams() {
        hub.openStreams().forEach(EventStream::drop);
    }

    /** Resets every open stream's TCP connection now. */
    public void resetStreams() {
        hub.openStreams().forEach(EventStream::reset);
    }

    /** Ends every open stream cleanly now. */
    public void closeStreams() {
        hub.closeAll();
    }

    /**
     * Open streams keep their KEEP-ALIVEs but stop carrying appliance events (the silent stall of
     * brief section 8.7); those events are lost. Streams opened later are healthy.
     */
    public void stallStreams() {
        hub.openStreams().forEach(stream -> stream.setStalled(true));
    }

    /** Open streams carry appliance events again (the ones missed stay lost). */
    public void resumeStreams() {
        hub.openStreams().forEach(stream -> stream.setStalled(false));
    }

    /** Writes a line of text to every open stream, e.g. {@code "3f"} or {@code "HTTP/1.1 200 OK"}; a newline is appended. */
    public void injectGarbageLine(String line) {
        hub.sendRaw(line + "\n");
    }

    /** Writes bytes as they are to every open stream. */
    public void injectGarbageBytes(byte[] bytes) {
        hub.openStreams().forEach(stream -> stream.sendRaw(bytes));
    }

    /** Each open stream writes its next appliance event in two chunks, {@code gap} apart, split mid-frame. */
    public void splitNextEvent(Duration gap) {
        hub.openStreams().forEach(stream -> stream.splitNextEvent(gap));
    }

    /** Each open stream writes its next {@code count} frames (keep-alives included) as one chunk. */
    public void coalesceNextEvents(int count) {
        hub.openStreams().forEach(stream -> stream.coalesceNextEvents(count));
    }

    /** Each open stream writes its next appliance event without an {@code id:} line. */
    public void omitIdOnNextEvent() {
        hub.openStreams().forEach(EventStream::omitIdOnNextEvent);
    }

    /**
     * Ends every open stream and answers the next {@code rejectedReopens} stream opens with 401,
     * as the cloud does for a few seconds after closing a stream (openHAB, brief section 2.4).
     */
    public void closeStreamsUnauthorized(int rejectedReopens) {
        if (rejectedReopens > 0) {
            failNext(FaultTarget.EVENT_STREAM, 401, rejectedReopens);
        }
        hub.closeAll();
    }

    // ---- used by the request pipeline ----

    Duration delayAll() {
        return delayAll;
    }

    /** Takes one use of the first armed fault that covers this request, or {@code null}. */
    RequestFault take(FaultTarget actual) {
        synchronized (armed) {
            for (Iterator<RequestFault> it = armed.iterator(); it.hasNext();) {
                RequestFault fault = it.next();
                if (fault.target.covers(actual)) {
                    if (--fault.remaining <= 0) {
                        it.remove();
                    }
                    return fault;
                }
            }
            return null;
        }
    }

    private void arm(RequestFault fault) {
        if (fault.remaining < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        synchronized (armed) {
            armed.add(fault);
        }
    }
}
