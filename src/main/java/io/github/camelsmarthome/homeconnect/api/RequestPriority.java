package io.github.camelsmarthome.homeconnect.api;

/**
 * How much a request matters when the budget runs short (developer brief, section 7: user
 * commands before resync before optional reads). Lower priorities are refused earlier so that a
 * reserve stays for higher ones; {@link BudgetLimits} documents the reserve.
 */
public enum RequestPriority {

    /** A person is waiting: a command from Home Assistant or a route, the event stream itself. */
    HIGH,
    /** Keeping state right: resync after a reconnect or a CONNECTED/PAIRED event, seeding at start. */
    NORMAL,
    /** Nice to have: program definitions, option lists, images, diagnostics. */
    LOW
}
