package io.github.camelsmarthome.miio.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What to subscribe to on a gateway: one trigger of one device and the action label that comes
 * back with the event (brief 6.3). Catalog entries have no {@link #sourceSid()} yet; a
 * subscription is an entry bound to a device with {@link #withSource(String, String)}.
 *
 * <p>Defaults: {@code event} = {@code action}, {@code commandExtra} = {@code ""}, {@code triggerValue}
 * absent, {@code triggerToken} = {@link TriggerToken#NONE}. The gateway defaults (its own did and
 * model for the gateway's events) are applied by {@link #withGatewayDefaults(String, String)},
 * which returns a new value: one catalog entry can serve several gateways without carrying the
 * first gateway's did into the second (the brief's warning about python-miio).
 *
 * <p>Immutable: {@link #triggerValue()} is copied in and out.
 *
 * @param action the label that becomes part of the scene command and comes back as the event's action
 * @param extra the trigger code, e.g. {@code [1,13,1,85,[0,1],0,0]}; it, not {@code event}, identifies the trigger
 * @param event the last segment of the trigger key {@code event.<model>.<event>}
 * @param commandExtra ACTION.{@code extra} (experimental, usually empty)
 * @param triggerValue TRIGGER.{@code value} for value triggers, {@code null} when absent
 * @param triggerToken TRIGGER.{@code token}
 * @param sourceSid the device whose event triggers the scene: a sub-device sid such as
 *     {@code lumi.158d0001a2b3c4}, or the gateway did in decimal; {@code null} while unbound
 * @param sourceModel the device's model, e.g. {@code lumi.sensor_switch.aq2}; {@code null} while unknown
 */
public record EventInfo(String action, String extra, String event, String commandExtra, JsonNode triggerValue,
        TriggerToken triggerToken, String sourceSid, String sourceModel) {

    /** Applies the defaults; {@code action} and {@code extra} are required. */
    public EventInfo {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(extra, "extra");
        event = event == null || event.isEmpty() ? action : event;
        commandExtra = commandExtra == null ? "" : commandExtra;
        triggerValue = triggerValue == null || triggerValue.isNull() || triggerValue.isMissingNode()
                ? null : triggerValue.deepCopy();
        triggerToken = triggerToken == null ? TriggerToken.NONE : triggerToken;
    }

    /** An event with every optional field at its default and no source yet. */
    public static EventInfo of(String action, String extra) {
        return new EventInfo(action, extra, null, null, null, null, null, null);
    }

    /** A copy; the stored value stays unchanged whatever the caller does with it. */
    @Override
    public JsonNode triggerValue() {
        return triggerValue == null ? null : triggerValue.deepCopy();
    }

    /** Whether the source device is known, so a scene can be built. */
    public boolean isBound() {
        return sourceSid != null && sourceModel != null;
    }

    /** This event for the given device (a new value; this one is unchanged). */
    public EventInfo withSource(String sid, String model) {
        return new EventInfo(action, extra, event, commandExtra, triggerValue, triggerToken,
                Objects.requireNonNull(sid, "sid"), Objects.requireNonNull(model, "model"));
    }

    /**
     * Fills a missing source with the gateway itself, as for the gateway alarm: a new value, this
     * one is unchanged.
     *
     * @param gatewayDid the gateway did as an unsigned decimal string
     * @param gatewayModel the gateway model, e.g. {@code lumi.gateway.v3}
     */
    public EventInfo withGatewayDefaults(String gatewayDid, String gatewayModel) {
        if (isBound()) {
            return this;
        }
        return new EventInfo(action, extra, event, commandExtra, triggerValue, triggerToken,
                sourceSid != null ? sourceSid : Objects.requireNonNull(gatewayDid, "gatewayDid"),
                sourceModel != null ? sourceModel : Objects.requireNonNull(gatewayModel, "gatewayModel"));
    }

    /** Names device, model, action and trigger; a fixed trigger token is not shown. */
    @Override
    public String toString() {
        return "EventInfo[" + sourceSid + " " + sourceModel + " " + action + " extra " + extra
                + (event.equals(action) ? "" : " event " + event)
                + (triggerToken == TriggerToken.NONE ? "" : " token " + triggerToken) + "]";
    }
}
