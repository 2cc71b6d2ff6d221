package io.github.camelsmarthome.miio.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The gateway's side of a push-server test: a UDP socket on a loopback address that sends datagrams
 * to the server and reads what comes back, with a timeout so a missing answer fails the test.
 */
final class GatewaySocket implements AutoCloseable {

    static final MiioToken TOKEN = MiioToken.fromHex("0f1e2d3c4b5a69788796a5b4c3d2e1f0");

    private final DatagramSocket socket;
    private final InetSocketAddress server;

    GatewaySocket(String loopbackAddress, InetSocketAddress server) {
        try {
            this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(loopbackAddress), 0));
            this.socket.setSoTimeout(5_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.server = server;
    }

    InetAddress address() {
        return socket.getLocalAddress();
    }

    int port() {
        return socket.getLocalPort();
    }

    void send(byte[] datagram) {
        try {
            socket.send(new DatagramPacket(datagram, datagram.length, server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a request sealed with the gateway token, header as a gateway sends it (fake did, its own stamp). */
    void sendRequest(String json) {
        send(MiioPacketCodec.encode(MiioPushServerOptions.DEFAULT_DEVICE_ID, 1002, TOKEN,
                json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends an event sealed with {@code token}, as another gateway (or a stranger) would. */
    void sendEventSealedWith(MiioToken token, long id, String method) {
        send(MiioPacketCodec.encode(MiioPushServerOptions.DEFAULT_DEVICE_ID, 1002, token,
                ("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":[]}").getBytes(StandardCharsets.UTF_8)));
    }

    void sendEvent(long id, String method) {
        sendRequest("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":[],\"from\":\"nbl.123456789\"}");
    }

    /** The next datagram from the server; fails after 5 s. */
    byte[] receive() {
        byte[] buffer = new byte[65535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the push server sent nothing within 5 s", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Arrays.copyOf(buffer, packet.getLength());
    }

    /** The next datagram, decrypted with the gateway token, as JSON text without trailing NULs. */
    String receiveMessage() {
        try {
            return MiioMessages.read(MiioPacketCodec.decode(receive(), TOKEN)).toString();
        } catch (MiioPacketException e) {
            throw new AssertionError("the push server sent an undecodable packet: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
