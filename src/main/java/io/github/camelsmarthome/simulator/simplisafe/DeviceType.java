package io.github.camelsmarthome.simulator.simplisafe;

/** The device type codes of brief section 5.2 that the simulator gives behaviour to. */
final class DeviceType {

    static final int REMOTE = 0;
    static final int KEYPAD = 1;
    static final int PANIC_BUTTON = 3;
    static final int MOTION = 4;
    static final int ENTRY = 5;
    static final int GLASS_BREAK = 6;
    static final int CARBON_MONOXIDE = 7;
    static final int SMOKE = 8;
    static final int LEAK = 9;
    static final int TEMPERATURE = 10;
    static final int CAMERA = 12;
    static final int SMOKE_AND_CARBON_MONOXIDE = 14;
    static final int DOORBELL = 15;
    static final int LOCK = 16;
    static final int OUTDOOR_CAMERA = 17;
    static final int MOTION_V2 = 20;

    private DeviceType() {
    }

    /** Sensors whose trip is an intrusion when the system is armed in a mode they watch. */
    static boolean isIntrusionSensor(int type) {
        return type == ENTRY || type == MOTION || type == MOTION_V2 || type == GLASS_BREAK;
    }

    /** Sensors that alarm in every state, armed or not. */
    static boolean isHazardSensor(int type) {
        return type == SMOKE || type == CARBON_MONOXIDE || type == SMOKE_AND_CARBON_MONOXIDE || type == LEAK || type == TEMPERATURE;
    }
}
