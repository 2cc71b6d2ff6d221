/**
 * The event contract shared by the three components and the Home Assistant and Kafka mappings.
 */
package io.github.camelsmarthome.event;
