package io.github.camelsmarthome.miio.protocol;

import java.time.Duration;
import java.time.Instant;

/**
 * What a client knows about one device between requests: its did and stamp counter from the
 * last handshake or response, the message id counter, and whether a handshake is due. Not
 * thread-safe: {@link MiioDeviceClient} touches it on its event loop only.
 */
final class MiioDeviceSession {

    /** python-miio restarts ids at 1 when they reach this value. */
    static final long ID_LIMIT = 9999;

    /** python-miio skips this many ids after a timeout, so a late answer cannot match the retry. */
    static final long ID_SKIP_AFTER_TIMEOUT = 100;

    private long deviceId = -1;
    private long deviceStamp;
    private Instant stampReceivedAt;
    private long idCounter;
    private boolean handshakeForced = true;

    /** The did from the last hello reply, -1 before the first. */
    long deviceId() {
        return deviceId;
    }

    /** Whether to say hello before the next request. */
    boolean needsHandshake(Instant now, Duration interval) {
        return handshakeForced || deviceId < 0
                || Duration.between(stampReceivedAt, now).compareTo(interval) >= 0;
    }

    /** A hello reply arrived: remember the device's did and stamp. */
    void handshakeCompleted(long did, long stamp, Instant now) {
        deviceId = did;
        stamped(stamp, now);
        handshakeForced = false;
    }

    /** The handshake got no answer: the next request starts with one again. */
    void handshakeFailed() {
        handshakeForced = true;
    }

    /** The id of the next request: one more than the last, back to 1 when it reaches 9999. */
    long nextId() {
        idCounter = idCounter + 1 >= ID_LIMIT ? 1 : idCounter + 1;
        return idCounter;
    }

    /**
     * The stamp of a request sent {@code now}: the device's last stamp plus the whole seconds since
     * it was received, at least +1 (python-miio sends last stamp + 1; devices ignore stamps far from
     * their own counter, which keeps counting while we wait). Wraps at 32 bits.
     */
    long nextStamp(Instant now) {
        long elapsed = Math.max(1, Duration.between(stampReceivedAt, now).getSeconds());
        return (deviceStamp + elapsed) & 0xFFFFFFFFL;
    }

    /** A response arrived: adopt its stamp and id, as python-miio does. */
    void responded(long stamp, long responseId, Instant now) {
        stamped(stamp, now);
        idCounter = responseId;
    }

    /** A request timed out: skip ids and greet the device again before the retry. */
    void requestTimedOut() {
        idCounter += ID_SKIP_AFTER_TIMEOUT;
        handshakeForced = true;
    }

    private void stamped(long stamp, Instant now) {
        deviceStamp = stamp;
        stampReceivedAt = now;
    }
}
