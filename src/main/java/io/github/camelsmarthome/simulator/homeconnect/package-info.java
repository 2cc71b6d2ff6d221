/**
 * A local fake of the Home Connect cloud: OAuth (device and authorization-code flows), the REST
 * API over five stateful appliances, the server-sent event stream, rate limits and fault
 * injection, all on Vert.x.
 *
 * <p>It implements {@code protocols/homeconnect.md} independently of the {@code homeconnect:}
 * client so that a client bug is not mirrored by its fake. Start it with
 * {@link io.github.camelsmarthome.simulator.homeconnect.HomeConnectSimulator#start(SimulatorOptions)}.
 */
package io.github.camelsmarthome.simulator.homeconnect;
