package io.github.camelsmarthome.simulator.homeconnect;

/** What a door means to an appliance's programs. */
enum DoorBehaviour {
    /** No door that matters (coffee maker). */
    NONE,
    /** A program needs the door closed to start; opening it pauses a running program. */
    PAUSES_PROGRAM,
    /** Like {@link #PAUSES_PROGRAM}, but the door reports {@code Locked} while a program runs and cannot open. */
    LOCKED_WHILE_RUNNING
}
