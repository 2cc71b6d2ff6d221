package io.github.camelsmarthome.simplisafe.api.event;

/**
 * What an event is about, which decides its {@link SimplisafeEvent#deviceId()}: the alarm system as
 * a whole (arming, alarms, power, Wi-Fi, tests) or one device of it (a lock, a camera, a sensor
 * that stopped responding). An event about the system keeps the system id even when upstream names
 * the keypad or sensor that caused it, so every change of the arming state lands on one device
 * (one Kafka key, one ordered stream).
 */
public enum EventSubject {
    /** About the system: {@code deviceId} is the sid. */
    SYSTEM,
    /** About the device in {@code sensorSerial}: {@code deviceId} is that serial (the sid when upstream names none). */
    DEVICE
}
