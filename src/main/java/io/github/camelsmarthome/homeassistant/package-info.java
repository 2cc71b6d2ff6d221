/**
 * Home Assistant over MQTT: the bridge's own connection (last will, online on every connect), the
 * routes' beans that publish the discovery core's messages ({@link
 * io.github.camelsmarthome.homeassistant.HomeAssistantPublisher}) and carry commands back to the
 * producers ({@link io.github.camelsmarthome.homeassistant.MqttCommand}, {@link
 * io.github.camelsmarthome.homeassistant.HomeAssistantCommands}); the mapping itself is in
 * {@code discovery}.
 */
package io.github.camelsmarthome.homeassistant;
