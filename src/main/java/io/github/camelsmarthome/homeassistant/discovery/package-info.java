/**
 * The Home Assistant discovery core: plain Java that turns any system's events (their JSON form,
 * {@code docs/events.md}) into the MQTT messages Home Assistant needs, following the discovery
 * brief and design section 5. Entry point: {@link io.github.camelsmarthome.homeassistant.discovery.HomeAssistantDiscovery}.
 * No Camel, no MQTT client: routes publish the returned
 * {@link io.github.camelsmarthome.homeassistant.discovery.DiscoveryMessage}s. Depends only on the
 * common event contract, never on a component's classes.
 */
package io.github.camelsmarthome.homeassistant.discovery;
