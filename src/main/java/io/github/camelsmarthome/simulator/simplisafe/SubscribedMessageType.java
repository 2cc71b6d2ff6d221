package io.github.camelsmarthome.simulator.simplisafe;

/**
 * Which message confirms a websocket subscription. The brief (section 6.3) cannot tell which one
 * production sends, so clients must accept both and the simulator can send either.
 */
public enum SubscribedMessageType {
    /** {@code com.simplisafe.namespace.subscribed}, what homebridge-simplisafe3 waits for; the default. */
    NAMESPACE("com.simplisafe.namespace.subscribed"),
    /** {@code com.simplisafe.service.subscribed}, as in simplisafe-python's test fixture. */
    SERVICE("com.simplisafe.service.subscribed");

    private final String type;

    SubscribedMessageType(String type) {
        this.type = type;
    }

    /** The envelope {@code type}. */
    public String type() {
        return type;
    }
}
