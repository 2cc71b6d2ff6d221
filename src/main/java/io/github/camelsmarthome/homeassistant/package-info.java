/**
 * Home Assistant over MQTT: the bridge's own connection (last will, online on every connect) and,
 * in time, events mapped to discovery configs, states and events, and commands carried back.
 */
package io.github.camelsmarthome.homeassistant;
