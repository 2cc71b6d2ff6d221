package io.github.camelsmarthome.simulator.simplisafe;

import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The faults tests switch on (brief sections 10 and 11): error answers, slow answers and closed
 * connections for the next requests, and on the websocket the 403 mode, drops, silence and a
 * frozen peer.
 *
 * <p>Request faults are counted and queue up in the order they were armed; the first whose target
 * covers a request answers it. Error bodies are the cloud's: {@code "Unauthorized"} for 401,
 * NoRemoteManagement for 403, SettingsInProgress for 409, an HTML gateway page for 5xx, and on
 * the token endpoint the {@code invalid_grant} fixtures.
 */
public final class SimpliSafeFaults {

    /** What an armed request fault does. */
    enum Kind { STATUS, DELAY, CLOSE_CONNECTION }

    /** One armed request fault; {@code remaining} counts down under the queue's monitor. */
    static final class RequestFault {
        final FaultTarget target;
        final Kind kind;
        final int status;
        final Duration delay;
        int remaining;

        RequestFault(FaultTarget target, Kind kind, int status, Duration delay, int times) {
            this.target = target;
            this.kind = kind;
            this.status = status;
            this.delay = delay;
            this.remaining = times;
        }
    }

    private final EventSocketHub sockets;
    private final CameraMedia media;
    private final Queue<RequestFault> armed = new ConcurrentLinkedQueue<>();
    private volatile Duration delayAll = Duration.ZERO;

    SimpliSafeFaults(EventSocketHub sockets, CameraMedia media) {
        this.sockets = sockets;
        this.media = media;
    }

    // ---- request faults ----

    /** The next {@code times} requests of {@code target} are answered {@code status} with the cloud's body for it. */
    public void failNext(FaultTarget target, int status, int times) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("A failure status is 4xx or 5xx, got " + status);
        }
        arm(new RequestFault(Objects.requireNonNull(target), Kind.STATUS, status, null, times));
    }

    /** The next request of {@code target} is answered {@code status}. */
    public void failNext(FaultTarget target, int status) {
        failNext(target, status, 1);
    }

    /** The next {@code times} REST calls answer 401 {@code "Unauthorized"}, as when a token dies before its {@code exp} (P4). */
    public void unauthorizedNext(int times) {
        failNext(FaultTarget.REST, 401, times);
    }

    /** The next {@code times} arming calls answer 409 SettingsInProgress, the base station being busy. */
    public void settingsInProgressOnNextArm(int times) {
        failNext(FaultTarget.ARMING, 409, times);
    }

    /** The next {@code times} REST calls answer 504 with a gateway's HTML page (P14). */
    public void gatewayTimeoutNext(int times) {
        failNext(FaultTarget.REST, 504, times);
    }

    /** The next {@code times} REST calls answer 403 NoRemoteManagement (plan gating, P5). */
    public void noRemoteManagementNext(int times) {
        failNext(FaultTarget.REST, 403, times);
    }

    /** The next {@code times} requests of {@code target} are answered only after {@code delay}. */
    public void delayNext(FaultTarget target, Duration delay, int times) {
        arm(new RequestFault(Objects.requireNonNull(target), Kind.DELAY, 0, notNegative(delay), times));
    }

    /** Every HTTP request waits this long before it is handled; {@link Duration#ZERO} switches it off. */
    public void delayAll(Duration delay) {
        this.delayAll = notNegative(delay);
    }

    /** The next {@code times} requests of {@code target} lose their connection without any answer. */
    public void closeConnectionNext(FaultTarget target, int times) {
        arm(new RequestFault(Objects.requireNonNull(target), Kind.CLOSE_CONNECTION, 0, null, times));
    }

    /** Disarms every request fault and the global delay; websocket modes are left as they are. */
    public void clear() {
        armed.clear();
        delayAll = Duration.ZERO;
    }

    // ---- websocket faults ----

    /** The 403 mode: every websocket upgrade is answered HTTP 403, as for many accounts since October 2025 (P1). */
    public void rejectSocketUpgrades(boolean reject) {
        sockets.setRejectUpgrades(reject);
    }

    /** Closes every open socket's TCP connection now, without a close frame. */
    public void dropSockets() {
        sockets.drop();
    }

    /** Closes every open socket with a close frame. */
    public void closeSockets(int code, String reason) {
        if (code < 1000 || code > 4999 || code == 1005 || code == 1006 || code == 1015) {
            throw new IllegalArgumentException("Not a close code a server may send: " + code);
        }
        sockets.close((short) code, reason);
    }

    /** Open and future sockets stop receiving events (they stay connected); the events still reach the history. */
    public void silenceSockets(boolean silent) {
        sockets.setSilent(silent);
    }

    /**
     * The open sockets' peer hangs: it stops reading (so pings go unanswered and identify is not
     * processed) and stops sending. Sockets opened later are healthy.
     */
    public void freezeSockets() {
        sockets.freeze();
    }

    /** After {@code identify}, answer {@code registered} but never the subscribed message. */
    public void withholdSubscribed(boolean withhold) {
        sockets.setWithholdSubscribed(withhold);
    }

    // ---- media ----

    /** How many fetches of a newly recorded clip or snapshot answer 404 before it is "uploaded". */
    public void mediaNotFoundFetches(int fetches) {
        media.setNotFoundFetches(fetches);
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

    private static Duration notNegative(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("A delay must not be negative, got " + delay);
        }
        return delay;
    }
}
