package io.github.camelsmarthome.simplisafe;

import io.github.camelsmarthome.simulator.simplisafe.SimulatedEvent;

/** Checks shared by the component tests. */
final class SimplisafeEventFeedProbe {

    private SimplisafeEventFeedProbe() {
    }

    /** A new event from the cloud reaches the route. */
    static void assertEventsFlow(SimplisafeComponentTestSupport test) {
        SimulatedEvent probe = test.cloud.emitEvent(1602);
        test.awaitEvent(event -> ("id:" + probe.eventId()).equals(event.id()));
    }
}
