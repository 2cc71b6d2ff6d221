package io.github.camelsmarthome.miio.protocol;

import java.net.InetAddress;

/**
 * The push server could not bind its UDP socket. The message is one line naming the address, the
 * port and what to do; there is no fallback port because a gateway cannot be told one (brief
 * section 11, pitfall 2).
 */
public final class MiioPushBindException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient InetAddress address;
    private final int port;

    MiioPushBindException(String message, InetAddress address, int port, Throwable cause) {
        super(message, cause);
        this.address = address;
        this.port = port;
    }

    /** The address the server tried to bind. */
    public InetAddress address() {
        return address;
    }

    /** The port the server tried to bind. */
    public int port() {
        return port;
    }
}
