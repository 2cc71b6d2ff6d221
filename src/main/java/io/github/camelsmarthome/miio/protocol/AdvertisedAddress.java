package io.github.camelsmarthome.miio.protocol;

import io.github.camelsmarthome.InvalidConfigurationException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * The push server's address as the gateway must reach it: ACTION.{@code ip} of every scene (brief
 * 6.1, pitfall 11.1). In order of preference:
 * <ol>
 *   <li>an explicit override (Docker bridge, NAT, multi-homed hosts: detection is wrong there);</li>
 *   <li>the bind address, when the server is bound to one specific address;</li>
 *   <li>the local address the operating system picks for the route to the gateway, read from a
 *       separate UDP socket on an ephemeral port that is connected (no packet leaves) and closed
 *       again; never by binding the push server's port twice.</li>
 * </ol>
 * A wrong address fails silently on the gateway (it accepts the scene and sends nowhere useful),
 * so callers log the result.
 */
public final class AdvertisedAddress {

    /** The option that overrides detection, named in error messages. */
    public static final String OPTION = "advertisedAddress";

    private AdvertisedAddress() {
    }

    /**
     * Decides the advertised address.
     *
     * @param override the configured address, or {@code null}/blank to detect it
     * @param bindAddress the push server's bind address
     * @param gateway the gateway's address
     * @param gatewayPort the gateway's miIO port (only used to pick the route)
     * @throws InvalidConfigurationException when the override is not an address, or detection finds no
     *     usable address (no route to the gateway)
     */
    public static InetAddress resolve(String override, InetAddress bindAddress, InetAddress gateway, int gatewayPort) {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(gateway, "gateway");
        if (override != null && !override.isBlank()) {
            return parse(override.trim());
        }
        if (!bindAddress.isAnyLocalAddress()) {
            return bindAddress;
        }
        return detect(gateway, gatewayPort);
    }

    /**
     * The local address of the route to {@code gateway}, from a connected ephemeral UDP socket.
     *
     * @throws InvalidConfigurationException when the system has no route to the gateway
     */
    public static InetAddress detect(InetAddress gateway, int gatewayPort) {
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(gateway, gatewayPort);
            InetAddress local = probe.getLocalAddress();
            if (local == null || local.isAnyLocalAddress()) {
                throw noRoute(gateway, "the system picked no local address");
            }
            return local;
        } catch (SocketException | UncheckedIOException e) {
            // connect() throws UncheckedIOException for a destination it cannot route to
            throw noRoute(gateway, e.getClass().getSimpleName());
        }
    }

    private static InetAddress parse(String text) {
        try {
            InetAddress address = InetAddress.getByName(text);
            if (address.isAnyLocalAddress()) {
                throw new InvalidConfigurationException(OPTION, "'" + SceneCommand.printable(text)
                        + "' is the wildcard address; give the address of this host as the gateway reaches it");
            }
            return address;
        } catch (UnknownHostException e) {
            throw new InvalidConfigurationException(OPTION, "'" + SceneCommand.printable(text)
                    + "' is neither an IP address nor a known host name; give the address of this host as the gateway"
                    + " reaches it");
        }
    }

    private static InvalidConfigurationException noRoute(InetAddress gateway, String why) {
        return new InvalidConfigurationException(OPTION, "cannot detect this host's address towards gateway "
                + gateway.getHostAddress() + " (" + why + "); set " + OPTION + " to the address the gateway can reach");
    }
}
