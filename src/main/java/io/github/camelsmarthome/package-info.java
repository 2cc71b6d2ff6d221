/**
 * camel-smarthome: Apache Camel components for Home Connect, SimpliSafe and Xiaomi gateways, and
 * the mappings that turn their events into Home Assistant devices over MQTT and CloudEvents on
 * Kafka.
 */
package io.github.camelsmarthome;
