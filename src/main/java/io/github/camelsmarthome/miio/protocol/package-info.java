/**
 * The miIO protocol without Camel: tokens and their AES key material, the 32-byte packet codec,
 * the JSON payload rules, the scene target token, the classification of datagrams arriving at the
 * push server, and a UDP client that talks to a miIO device (handshake, stamps, ids, retries).
 *
 * <p>Every datagram is hostile input: the decoders throw {@link
 * io.github.camelsmarthome.miio.protocol.MiioPacketException} with a {@code Reason} and a message
 * that never contains a token or a decrypted payload.
 */
package io.github.camelsmarthome.miio.protocol;
