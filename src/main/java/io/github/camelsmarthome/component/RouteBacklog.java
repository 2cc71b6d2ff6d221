package io.github.camelsmarthome.component;

/**
 * What a consumer with a bounded backlog tells about it, for metrics: each route that consumes a
 * shared event source has its own backlog, so one sink that is down falls behind without stalling
 * the others until the bound is reached, and from then on the source waits (backpressure).
 */
public interface RouteBacklog {

    /** Events waiting for the route (queued or in it). */
    int backlog();

    /** The bound: how many events may wait before the source is made to wait. */
    int backlogCapacity();

    /** The largest backlog since the consumer was created. */
    long backlogPeak();

    /** How often an event found the backlog full, so the source had to wait. */
    long backlogFullCount();

    /**
     * Events the route did not deliver: its exchange ended with an error (the retries gave up, or
     * the route stopped while retrying), or the event arrived while the route was stopping.
     */
    long droppedEvents();

    /** A consumer that feeds its route through a backlog: metrics find the backlog through it. */
    interface Owner {

        /** The route's backlog. */
        RouteBacklog routeBacklog();
    }
}
