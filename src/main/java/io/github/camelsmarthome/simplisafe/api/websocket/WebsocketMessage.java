package io.github.camelsmarthome.simplisafe.api.websocket;

import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import java.time.Duration;
import java.util.Objects;

/**
 * A server message of the SimpliSafe websocket the client acts on (brief 6.3): {@link Hello} after
 * the upgrade, {@link Registered} after {@code identify}, {@link Subscribed} when the stream is live,
 * then one {@link Event} per event.
 */
public sealed interface WebsocketMessage {

    /** Type of the greeting. */
    String HELLO = "com.simplisafe.service.hello";
    /** Type of the answer to a valid identify. */
    String REGISTERED = "com.simplisafe.service.registered";
    /** Type of "subscribed" as homebridge-simplisafe3 matches it; the fake server's default. */
    String NAMESPACE_SUBSCRIBED = "com.simplisafe.namespace.subscribed";
    /** Type of "subscribed" in simplipy's fixtures; which one production sends is unconfirmed, so both count. */
    String SERVICE_SUBSCRIBED = "com.simplisafe.service.subscribed";
    /** The only type that carries events. */
    String EVENT = "com.simplisafe.event.standard";
    /** The client's own identify message; a server never sends it. */
    String IDENTIFY = "com.simplisafe.connection.identify";

    /** The envelope the message came in. */
    WebsocketEnvelope envelope();

    /**
     * The server's greeting. Its {@code key} is not kept: no client uses it and it may be a secret.
     *
     * @param envelope the envelope
     * @param heartbeat {@code data.timeouts.heartbeat}, {@code null} when absent (unused by known clients)
     * @param inactivity {@code data.timeouts.inactivity}, {@code null} when absent
     */
    record Hello(WebsocketEnvelope envelope, Duration heartbeat, Duration inactivity) implements WebsocketMessage {
    }

    /**
     * The identify was accepted.
     *
     * @param envelope the envelope
     */
    record Registered(WebsocketEnvelope envelope) implements WebsocketMessage {
    }

    /**
     * The stream is live for a namespace ({@code uid:<userId>}); reset reconnect back-off now.
     *
     * @param envelope the envelope, whose type is either of the two subscribed types
     * @param namespace {@code data.namespace}, {@code null} when absent
     */
    record Subscribed(WebsocketEnvelope envelope, String namespace) implements WebsocketMessage {
    }

    /**
     * An event of any system of the account; filter by {@link SimplisafeEvent#systemId()} (brief 11 P6).
     *
     * @param envelope the envelope
     * @param event the event, origin {@code realtime}
     */
    record Event(WebsocketEnvelope envelope, SimplisafeEvent event) implements WebsocketMessage {

        /** Rejects a missing event. */
        public Event {
            Objects.requireNonNull(event, "event");
        }
    }
}
