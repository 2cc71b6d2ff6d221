package io.github.camelsmarthome.simulator.miio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * The other side of the fake gateway in tests: a plain UDP socket on 127.0.0.1 playing the push
 * server's client (sending requests) or the push server itself (receiving events).
 */
final class UdpPeer implements AutoCloseable {

    private final DatagramSocket socket;
    private InetSocketAddress lastSender;

    UdpPeer() {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setSoTimeout(3000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    void send(byte[] datagram, InetSocketAddress to) {
        try {
            socket.send(new DatagramPacket(datagram, datagram.length, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next datagram; fails the test when none comes within three seconds. */
    byte[] receive() {
        byte[] buffer = new byte[65535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("nothing arrived within 3 s", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastSender = (InetSocketAddress) packet.getSocketAddress();
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }

    /** Where the last received datagram came from. */
    InetSocketAddress lastSender() {
        return lastSender;
    }

    @Override
    public void close() {
        socket.close();
    }
}
