package io.github.camelsmarthome.simplisafe.api.model;

/**
 * One PIN slot of a system, <b>without the PIN</b>: PINs disarm the alarm, so this model never
 * holds one and nothing built on it can log or publish one.
 *
 * @param slot {@code master}, {@code duress}, or {@code user1} .. {@code user4}
 * @param name the user label ({@code null} for master and duress)
 * @param set whether a PIN is stored in the slot
 */
public record PinSlot(String slot, String name, boolean set) {
}
