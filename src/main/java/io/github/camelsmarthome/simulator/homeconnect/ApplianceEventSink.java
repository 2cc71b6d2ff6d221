package io.github.camelsmarthome.simulator.homeconnect;

/** Where appliances hand their events; the event-stream hub in the running simulator. */
@FunctionalInterface
interface ApplianceEventSink {

    void publish(ApplianceEvent event);
}
