/**
 * A local fake of a Xiaomi miIO gateway ({@code protocols/miio-push.md} section 8): a UDP miIO
 * device that stores local scenes uploaded with {@code send_data_frame}, and, when a sub-device
 * event is fired, sends the scene's event to the push server like a real gateway, with
 * handshake, acknowledgement, re-sends and keepalives.
 *
 * <p>It has its own packet and crypto code ({@link io.github.camelsmarthome.simulator.miio.PacketCodec},
 * {@link io.github.camelsmarthome.simulator.miio.TokenCipher}), written from the brief
 * independently of {@code miio/protocol}, so that a client bug is not mirrored by its fake.
 * Start it with {@link io.github.camelsmarthome.simulator.miio.FakeGateway#start(FakeGatewayOptions)}.
 */
package io.github.camelsmarthome.simulator.miio;
