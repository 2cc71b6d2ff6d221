package io.github.camelsmarthome.simulator.miio;

/**
 * What starts a stored scene (brief section 6.4, TRIGGER). The trigger's {@code token} is not
 * kept: for the gateway alarm it is the gateway token in plain hex.
 *
 * @param did   the sub-device sid, or the gateway did as a decimal string
 * @param extra the trigger code the gateway matches on, e.g. {@code [1,13,1,85,[0,1],0,0]}
 * @param key   {@code event.<model>.<event>}
 * @param model the Zigbee model of the source
 */
public record SceneTrigger(String did, String extra, String key, String model) {

    /** The last segment of the key: the event name, e.g. {@code click_ch0}. */
    public String eventName() {
        return key == null ? "" : key.substring(key.lastIndexOf('.') + 1);
    }

    /** Whether firing {@code trigger} on {@code sid} starts this scene: same did, and the trigger is the extra or the event name. */
    public boolean matches(String sid, String trigger) {
        return sid.equals(did) && (trigger.equals(extra) || trigger.equals(eventName()));
    }
}
