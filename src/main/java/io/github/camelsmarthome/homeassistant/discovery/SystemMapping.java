package io.github.camelsmarthome.homeassistant.discovery;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The entity mapping of one system: reads an event's JSON form and updates devices, entities and
 * state through the {@link EventContext}. A mapping reads only the documented JSON (docs/events.md),
 * never a component's classes.
 */
interface SystemMapping {

    /**
     * Maps one event whose {@code system}, {@code deviceId} and {@code type} are present.
     *
     * @throws IllegalArgumentException when the event is unusable; the caller counts and skips it
     */
    void apply(ObjectNode event, EventContext context);
}
