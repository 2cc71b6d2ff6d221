/**
 * The plain-Java SimpliSafe client: no Camel imports, usable and testable alone.
 *
 * <ul>
 *   <li>{@code model}: systems, state, sensors, locks, settings and the enumerations of brief
 *       section 5, each keeping values this version does not know;</li>
 *   <li>{@code event}: {@link io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent}, the
 *       event-code table, de-duplication by event id and the event-history cursor;</li>
 *   <li>{@code rest}: JSON bodies of the REST API to model objects;</li>
 *   <li>{@code websocket}: text frames of the real-time socket to typed messages;</li>
 *   <li>{@code change}: events derived from two successive REST polls of a system;</li>
 *   <li>{@code json}: lenient reads of upstream JSON shared by the above.</li>
 * </ul>
 */
package io.github.camelsmarthome.simplisafe.api;
