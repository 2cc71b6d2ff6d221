package io.github.camelsmarthome.miio.protocol;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * How a {@link MiioPushServer} binds and behaves. {@link #defaults()} follows the brief (sections
 * 6.1, 6.6, 6.7 and 12); tests bind {@code 127.0.0.1} and a free port, never the wildcard.
 *
 * @param bindAddress           the local address of the fake-device socket ({@code 0.0.0.0} by default)
 * @param port                  the UDP port ({@code 54321}; gateways send to no other port, brief section 2)
 * @param deviceId              the fake device id put into hello replies and acks ({@code 120009025}), unsigned 32 bit
 * @param duplicateWindow       how long an acknowledged event is remembered so that a retransmission of it is
 *                              acked again but not delivered again (5 min, {@link PushDatagramClassifier#DEFAULT_DEDUP_WINDOW}; the
 *                              brief only says "a short window")
 * @param rememberedEvents      the most events remembered for de-duplication at once (4096); older ones are forgotten
 *                              first, so memory stays bounded whatever the gateways send
 * @param silenceTimeout        how long a registered gateway may send nothing (hello, keepalive or event) before the
 *                              listener hears {@link MiioPushListener#onGatewaySilent} (10 min; the gateway's
 *                              keepalive interval is undocumented, brief section 6.6)
 * @param livenessCheckInterval how often the silence check runs on the event loop (30 s)
 * @param listenerQueueCapacity how many events may wait for the listener executor (10,000); when full, new events are
 *                              not acknowledged so that the gateway sends them again later
 * @param listenerExecutor      where listener methods run, or {@code null} for one daemon thread owned by the server;
 *                              never the I/O thread
 * @param logInterval           at most one log line per interval for each kind of dropped datagram (60 s)
 * @param clock                 the time source of stamps, liveness and de-duplication
 * @param moveCheckTokens       how many registered gateways' tokens at most are tried on one encrypted datagram from an
 *                              unregistered address, to recognise a gateway that moved (16; one MD5 each)
 * @param moveCheckInterval     how often at most one unregistered address gets that check (10 s); its other datagrams
 *                              in between are dropped unchecked, so a stranger's flood costs one check per interval
 */
public record MiioPushServerOptions(
        InetAddress bindAddress,
        int port,
        long deviceId,
        Duration duplicateWindow,
        int rememberedEvents,
        Duration silenceTimeout,
        Duration livenessCheckInterval,
        int listenerQueueCapacity,
        Executor listenerExecutor,
        Duration logInterval,
        Clock clock,
        int moveCheckTokens,
        Duration moveCheckInterval) {

    /** The port every gateway sends to (brief section 2). */
    public static final int DEFAULT_PORT = 54321;
    /** The fake device id python-miio uses, {@code 0x07273141} (brief section 6.1). */
    public static final long DEFAULT_DEVICE_ID = PushDatagramClassifier.DEFAULT_DEVICE_ID;

    /** Validates every value. */
    public MiioPushServerOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (deviceId < 0 || deviceId > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("deviceId must be an unsigned 32-bit number, was " + deviceId);
        }
        requirePositive(duplicateWindow, "duplicateWindow");
        requirePositive(silenceTimeout, "silenceTimeout");
        requirePositive(livenessCheckInterval, "livenessCheckInterval");
        requirePositive(logInterval, "logInterval");
        if (rememberedEvents < 1) {
            throw new IllegalArgumentException("rememberedEvents must be at least 1");
        }
        if (listenerQueueCapacity < 1) {
            throw new IllegalArgumentException("listenerQueueCapacity must be at least 1");
        }
        Objects.requireNonNull(clock, "clock");
        if (moveCheckTokens < 0) {
            throw new IllegalArgumentException("moveCheckTokens must not be negative (0 turns the check off)");
        }
        requirePositive(moveCheckInterval, "moveCheckInterval");
    }

    /** The brief's values: {@code 0.0.0.0:54321}, did 120009025, 5 min window, 10 min silence. */
    public static MiioPushServerOptions defaults() {
        return new MiioPushServerOptions(wildcard(), DEFAULT_PORT, DEFAULT_DEVICE_ID,
                PushDatagramClassifier.DEFAULT_DEDUP_WINDOW, 4096,
                Duration.ofMinutes(10), Duration.ofSeconds(30), 10_000, null, Duration.ofSeconds(60),
                Clock.systemUTC(), 16, Duration.ofSeconds(10));
    }

    /** The same options bound to another address and port (port 0 picks a free one). */
    public MiioPushServerOptions withBinding(InetAddress address, int newPort) {
        return new MiioPushServerOptions(address, newPort, deviceId, duplicateWindow, rememberedEvents, silenceTimeout,
                livenessCheckInterval, listenerQueueCapacity, listenerExecutor, logInterval, clock, moveCheckTokens,
                moveCheckInterval);
    }

    /** The same options with another fake device id. */
    public MiioPushServerOptions withDeviceId(long value) {
        return new MiioPushServerOptions(bindAddress, port, value, duplicateWindow, rememberedEvents, silenceTimeout,
                livenessCheckInterval, listenerQueueCapacity, listenerExecutor, logInterval, clock, moveCheckTokens,
                moveCheckInterval);
    }

    /** The same options with another de-duplication window. */
    public MiioPushServerOptions withDuplicateWindow(Duration value) {
        return new MiioPushServerOptions(bindAddress, port, deviceId, value, rememberedEvents, silenceTimeout,
                livenessCheckInterval, listenerQueueCapacity, listenerExecutor, logInterval, clock, moveCheckTokens,
                moveCheckInterval);
    }

    /** The same options with another silence timeout and check interval. */
    public MiioPushServerOptions withLiveness(Duration timeout, Duration checkInterval) {
        return new MiioPushServerOptions(bindAddress, port, deviceId, duplicateWindow, rememberedEvents, timeout,
                checkInterval, listenerQueueCapacity, listenerExecutor, logInterval, clock, moveCheckTokens,
                moveCheckInterval);
    }

    /** The same options with another listener executor and queue capacity. */
    public MiioPushServerOptions withListenerExecutor(Executor executor, int queueCapacity) {
        return new MiioPushServerOptions(bindAddress, port, deviceId, duplicateWindow, rememberedEvents, silenceTimeout,
                livenessCheckInterval, queueCapacity, executor, logInterval, clock, moveCheckTokens,
                moveCheckInterval);
    }

    /** The same options with another clock. */
    public MiioPushServerOptions withClock(Clock value) {
        return new MiioPushServerOptions(bindAddress, port, deviceId, duplicateWindow, rememberedEvents, silenceTimeout,
                livenessCheckInterval, listenerQueueCapacity, listenerExecutor, logInterval, value, moveCheckTokens,
                moveCheckInterval);
    }

    /**
     * The same options with another bound on recognising moved gateways.
     *
     * @param tokens          the most tokens tried per datagram; 0 turns the recognition off
     * @param perSenderInterval how often at most one unregistered address is checked
     */
    public MiioPushServerOptions withMoveCheck(int tokens, Duration perSenderInterval) {
        return new MiioPushServerOptions(bindAddress, port, deviceId, duplicateWindow, rememberedEvents, silenceTimeout,
                livenessCheckInterval, listenerQueueCapacity, listenerExecutor, logInterval, clock, tokens,
                perSenderInterval);
    }

    private static InetAddress wildcard() {
        try {
            return InetAddress.getByAddress(new byte[4]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("0.0.0.0 is always a valid address", e);
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
