package io.github.camelsmarthome.simulator.miio;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link FakeGateway} starts (brief section 8). Defaults follow the brief: bound to
 * {@code 0.0.0.0:54321}, pushes to port 54321, did 123456789, model {@code lumi.gateway.v3},
 * provisioned (the hello reply hides the token), a fresh random token. Tests bind a loopback
 * address and a free port and point {@link Builder#targetPort} at the push server.
 *
 * <p>{@link #toString()} never shows the token.
 */
public final class FakeGatewayOptions {

    /** The miIO port. */
    public static final int MIIO_PORT = 54321;

    private final String bindAddress;
    private final int port;
    private final long did;
    private final String model;
    private final String tokenHex;
    private final boolean provisioned;
    private final int targetPort;
    private final Duration keepaliveInterval;
    private final Duration ackTimeout;
    private final int retryCount;
    private final boolean sendEventsTwice;
    private final List<SubDevice> subDevices;
    private final List<StoredScene> storedScenes;

    private FakeGatewayOptions(Builder b) {
        this.bindAddress = b.bindAddress;
        this.port = b.port;
        this.did = b.did;
        this.model = b.model;
        this.tokenHex = b.tokenHex != null ? b.tokenHex : randomToken();
        this.provisioned = b.provisioned;
        this.targetPort = b.targetPort;
        this.keepaliveInterval = b.keepaliveInterval;
        this.ackTimeout = b.ackTimeout;
        this.retryCount = b.retryCount;
        this.sendEventsTwice = b.sendEventsTwice;
        this.subDevices = List.copyOf(b.subDevices);
        this.storedScenes = List.copyOf(b.storedScenes);
    }

    /** A builder with the brief's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The address the gateway's UDP socket binds. */
    public String bindAddress() { return bindAddress; }
    /** The UDP port it binds; 0 picks a free one. */
    public int port() { return port; }
    /** The gateway's device id. */
    public long did() { return did; }
    /** The gateway's model, answered by {@code miIO.info}. */
    public String model() { return model; }
    /** The gateway token, 32 lower-case hex characters. A secret: print it only where the user asked for it. */
    public String tokenHex() { return tokenHex; }
    /** Whether the hello reply hides the token (16x 0xFF) instead of revealing it. */
    public boolean provisioned() { return provisioned; }
    /** The port events and keepalives are sent to on a scene's target IP. */
    public int targetPort() { return targetPort; }
    /** How often keepalive hellos go to each scene target. */
    public Duration keepaliveInterval() { return keepaliveInterval; }
    /** How long to wait for a hello reply or an event ack before re-sending. */
    public Duration ackTimeout() { return ackTimeout; }
    /** How many times an unanswered hello or event is re-sent. */
    public int retryCount() { return retryCount; }
    /** Whether every event is sent a second time after its ack (for de-duplication tests). */
    public boolean sendEventsTwice() { return sendEventsTwice; }
    /** The paired Zigbee sub-devices. */
    public List<SubDevice> subDevices() { return subDevices; }

    /** The scenes it holds when it starts, as if uploaded before (a gateway keeps its scenes across restarts). */
    public List<StoredScene> storedScenes() { return storedScenes; }

    /** A builder holding these options, token included, to start a gateway that differs in a few of them. */
    public Builder toBuilder() {
        Builder copy = new Builder();
        copy.bindAddress = bindAddress;
        copy.port = port;
        copy.did = did;
        copy.model = model;
        copy.tokenHex = tokenHex;
        copy.provisioned = provisioned;
        copy.targetPort = targetPort;
        copy.keepaliveInterval = keepaliveInterval;
        copy.ackTimeout = ackTimeout;
        copy.retryCount = retryCount;
        copy.sendEventsTwice = sendEventsTwice;
        copy.subDevices.addAll(subDevices);
        copy.storedScenes.addAll(storedScenes);
        return copy;
    }

    @Override
    public String toString() {
        return "FakeGatewayOptions[" + bindAddress + ":" + port + ", did " + did + ", " + model + ", token hidden, target port "
                + targetPort + ", " + subDevices.size() + " sub-devices]";
    }

    private static String randomToken() {
        byte[] token = new byte[16];
        new SecureRandom().nextBytes(token);
        return HexFormat.of().formatHex(token);
    }

    /** Builds {@link FakeGatewayOptions}. */
    public static final class Builder {

        private String bindAddress = "0.0.0.0";
        private int port = MIIO_PORT;
        private long did = 123456789L;
        private String model = "lumi.gateway.v3";
        private String tokenHex;
        private boolean provisioned = true;
        private int targetPort = MIIO_PORT;
        private Duration keepaliveInterval = Duration.ofSeconds(30);
        private Duration ackTimeout = Duration.ofSeconds(2);
        private int retryCount = 3;
        private boolean sendEventsTwice;
        private final List<SubDevice> subDevices = new ArrayList<>();
        private final List<StoredScene> storedScenes = new ArrayList<>();

        private Builder() {
        }

        /** Address to bind, e.g. {@code 127.0.0.2}. */
        public Builder bindAddress(String value) {
            this.bindAddress = Objects.requireNonNull(value, "bindAddress");
            return this;
        }

        /** UDP port to bind, 0 for a free one. */
        public Builder port(int value) {
            this.port = checkPort(value, "port", true);
            return this;
        }

        /** Device id, an unsigned 32-bit number. */
        public Builder did(long value) {
            if (value < 0 || value > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("did is an unsigned 32-bit number, got " + value);
            }
            this.did = value;
            return this;
        }

        /** Gateway model. */
        public Builder model(String value) {
            this.model = Objects.requireNonNull(value, "model");
            return this;
        }

        /** Token as 32 hex characters; checked here so a typo fails at start. */
        public Builder token(String hex) {
            TokenCipher.ofHex(hex);
            this.tokenHex = hex.toLowerCase(java.util.Locale.ROOT);
            return this;
        }

        /** False makes the hello reply reveal the token, like an unprovisioned device. */
        public Builder provisioned(boolean value) {
            this.provisioned = value;
            return this;
        }

        /** Port of the push server on a scene's target IP. */
        public Builder targetPort(int value) {
            this.targetPort = checkPort(value, "targetPort", false);
            return this;
        }

        /** Interval of keepalive hellos. */
        public Builder keepaliveInterval(Duration value) {
            this.keepaliveInterval = positive(value, "keepaliveInterval");
            return this;
        }

        /** Wait for a hello reply or an ack before re-sending. */
        public Builder ackTimeout(Duration value) {
            this.ackTimeout = positive(value, "ackTimeout");
            return this;
        }

        /** Re-sends of an unanswered hello or event, 0 or more. */
        public Builder retryCount(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("retryCount is 0 or more, got " + value);
            }
            this.retryCount = value;
            return this;
        }

        /** Sends every event a second time even when it was acknowledged. */
        public Builder sendEventsTwice(boolean value) {
            this.sendEventsTwice = value;
            return this;
        }

        /** Pairs a Zigbee sub-device. */
        public Builder subDevice(String sid, String model) {
            subDevices.add(new SubDevice(sid, model));
            return this;
        }

        /** The scenes it starts with instead of none, e.g. {@link FakeGateway#scenes()} of an earlier instance. */
        public Builder storedScenes(List<StoredScene> scenes) {
            storedScenes.clear();
            storedScenes.addAll(scenes);
            return this;
        }

        /** The options. */
        public FakeGatewayOptions build() {
            return new FakeGatewayOptions(this);
        }

        private static int checkPort(int value, String name, boolean zeroAllowed) {
            if (value < (zeroAllowed ? 0 : 1) || value > 65535) {
                throw new IllegalArgumentException(name + " must be " + (zeroAllowed ? "0" : "1") + " to 65535, got " + value);
            }
            return value;
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
