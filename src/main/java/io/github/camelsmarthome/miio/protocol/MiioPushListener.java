package io.github.camelsmarthome.miio.protocol;

import java.net.InetAddress;
import java.time.Duration;

/**
 * Receives what a {@link MiioPushServer} learns about one registered gateway. Methods run on the
 * server's listener executor, never on its I/O thread, one call at a time and in arrival order;
 * they may block (a slow listener delays later calls, and a full queue makes the server stop
 * acknowledging until it drains, see {@link MiioPushServer}).
 */
@FunctionalInterface
public interface MiioPushListener {

    /** An event the gateway pushed; it was acknowledged before this call and is delivered once. */
    void onEvent(PushedMessage event);

    /**
     * The gateway sent nothing (no hello, keepalive or event) for longer than the silence timeout.
     * Called once per silence; {@link #onGatewayBack} follows when it is heard again.
     *
     * @param gateway  the gateway's address
     * @param silentFor how long nothing was heard, counted from the last datagram or, when none came
     *                  yet, from its registration (a wrong advertised IP shows up like this)
     */
    default void onGatewaySilent(InetAddress gateway, Duration silentFor) {
    }

    /** The gateway was reported silent and has now been heard again. */
    default void onGatewayBack(InetAddress gateway) {
    }

    /**
     * The gateway now sends from another address (a new DHCP lease, say): a datagram from {@code to}
     * carried a checksum only its token makes. Its registration, liveness and memory of acknowledged
     * events have already moved to {@code to}; the datagram that revealed the move is delivered right
     * after this call. The gateway's scenes still point to this server, but commands to the gateway
     * must now go to {@code to}.
     *
     * @param from the address it was registered at
     * @param to   the address it sends from now
     */
    default void onGatewayMoved(InetAddress from, InetAddress to) {
    }
}
