/**
 * A local fake of the SimpliSafe cloud: the Auth0 authorization-code + PKCE flow of the iOS app,
 * the REST API over one stateful SimpliSafe 3 system seeded from the simplisafe-python fixtures,
 * the real-time websocket, camera media, fault injection and a request log, all on Vert.x.
 *
 * <p>It implements {@code protocols/simplisafe.md} independently of the {@code simplisafe:}
 * client, so that a client bug is not mirrored by its fake. Start it with
 * {@link io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulator#start(SimpliSafeSimulatorOptions)}.
 */
package io.github.camelsmarthome.simulator.simplisafe;
