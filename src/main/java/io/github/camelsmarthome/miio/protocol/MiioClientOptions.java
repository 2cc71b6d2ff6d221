package io.github.camelsmarthome.miio.protocol;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Options of a {@link MiioDeviceClient}.
 *
 * @param port the device's UDP port; miIO devices listen on 54321
 * @param timeout how long to wait for a hello reply or a response before giving up on an attempt
 * @param retries attempts after the first one when a response times out or the device answers a
 *     transient error (−30001, −9999); 3 means up to 4 attempts
 * @param handshakeInterval re-handshake before a request when nothing was received from the
 *     device for this long; {@link Duration#ZERO} handshakes before every request, {@link
 *     #NEVER_REHANDSHAKE} only before the first request and after timeouts
 */
public record MiioClientOptions(int port, Duration timeout, int retries, Duration handshakeInterval) {

    /** The miIO device port. */
    public static final int DEFAULT_PORT = 54321;

    /** python-miio's per-request timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** python-miio's retry count. */
    public static final int DEFAULT_RETRIES = 3;

    /** aholstenson/miio re-handshakes when the device was silent for 120 s. */
    public static final Duration DEFAULT_HANDSHAKE_INTERVAL = Duration.ofSeconds(120);

    /** Handshake only before the first request and after a timeout (python-miio's default). */
    public static final Duration NEVER_REHANDSHAKE = ChronoUnit.FOREVER.getDuration();

    /** Validates the options. */
    public MiioClientOptions {
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("miIO device port must be 1..65535, got " + port);
        }
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(handshakeInterval, "handshakeInterval");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("miIO timeout must be positive, got " + timeout);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("miIO retries must not be negative, got " + retries);
        }
        if (handshakeInterval.isNegative()) {
            throw new IllegalArgumentException("miIO handshake interval must not be negative, got " + handshakeInterval);
        }
    }

    /** Port 54321, 5 s timeout, 3 retries, re-handshake after 120 s of silence. */
    public static MiioClientOptions defaults() {
        return new MiioClientOptions(DEFAULT_PORT, DEFAULT_TIMEOUT, DEFAULT_RETRIES, DEFAULT_HANDSHAKE_INTERVAL);
    }

    /** A copy with another device port. */
    public MiioClientOptions withPort(int newPort) {
        return new MiioClientOptions(newPort, timeout, retries, handshakeInterval);
    }

    /** A copy with another timeout per attempt. */
    public MiioClientOptions withTimeout(Duration newTimeout) {
        return new MiioClientOptions(port, newTimeout, retries, handshakeInterval);
    }

    /** A copy with another retry count. */
    public MiioClientOptions withRetries(int newRetries) {
        return new MiioClientOptions(port, timeout, newRetries, handshakeInterval);
    }

    /** A copy with another handshake interval. */
    public MiioClientOptions withHandshakeInterval(Duration newInterval) {
        return new MiioClientOptions(port, timeout, retries, newInterval);
    }
}
