package io.github.camelsmarthome.simplisafe.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.simplisafe.api.json.LenientJson;
import io.github.camelsmarthome.simplisafe.api.model.AlarmState;
import io.github.camelsmarthome.simplisafe.api.model.Camera;
import io.github.camelsmarthome.simplisafe.api.model.CameraKind;
import io.github.camelsmarthome.simplisafe.api.model.SimplisafeSystem;
import io.github.camelsmarthome.simplisafe.api.model.SystemStatus;
import io.github.camelsmarthome.simplisafe.api.model.SystemVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code users/{uid}/subscriptions} (brief 4.1) into {@link SimplisafeSystem}s.
 *
 * <p>Every subscription with a {@code sid} becomes a system, also those the client cannot use
 * (no base station, no {@code location.system}: see {@link SimplisafeSystem#isUsable()}), so the
 * caller can say why a system it was configured for is missing. Elements without a sid are skipped
 * and logged. Nothing else is required.
 *
 * <p>Stateless and thread-safe.
 */
public final class SubscriptionsMapper {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionsMapper.class);

    /** Every subscription with a sid, in upstream order; empty for a body without {@code subscriptions}. */
    public List<SimplisafeSystem> systems(JsonNode body) {
        List<JsonNode> elements = LenientJson.array(body, "subscriptions");
        List<SimplisafeSystem> systems = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            JsonNode subscription = elements.get(i);
            Long sid = LenientJson.longValue(subscription, "sid");
            if (sid == null) {
                sid = LenientJson.longValue(LenientJson.field(subscription, "location"), "sid");
            }
            if (sid == null) {
                LOG.warn("Skipped subscription {} of {}: it has no sid", i + 1, elements.size());
                continue;
            }
            systems.add(system(sid, subscription));
        }
        return List.copyOf(systems);
    }

    /** Only the systems the client can work with (brief 11 P5). */
    public List<SimplisafeSystem> usableSystems(JsonNode body) {
        return systems(body).stream().filter(SimplisafeSystem::isUsable).toList();
    }

    /** The live state in a {@code location.system} object; {@code null} when it is missing or not an object. */
    public SystemStatus status(JsonNode system) {
        if (system == null || !system.isObject()) {
            return null;
        }
        return new SystemStatus(
                AlarmState.of(LenientJson.text(system, "alarmState")),
                LenientJson.isTrue(system, "isAlarming"),
                LenientJson.epochSeconds(system, "alarmStateTimestamp"),
                LenientJson.intValue(system, "exitDelayRemaining"),
                LenientJson.intValue(system, "temperature"),
                LenientJson.nonBlankText(system, "connType"),
                LenientJson.isTrue(system, "isOffline"),
                LenientJson.isTrue(system, "powerOutage"),
                LenientJson.epochSeconds(system, "lastPowerOutage"),
                LenientJson.epochSeconds(system, "stateUpdated"),
                LenientJson.array(system, "messages").size(),
                LenientJson.withoutFields(system, "cameras"));
    }

    private SimplisafeSystem system(long sid, JsonNode subscription) {
        JsonNode location = LenientJson.field(subscription, "location");
        JsonNode system = LenientJson.field(location, "system");
        JsonNode status = LenientJson.field(subscription, "status");
        Instant activated = LenientJson.epochSeconds(subscription, "activated");
        return new SimplisafeSystem(
                sid,
                LenientJson.longValue(subscription, "uid"),
                LenientJson.intValue(subscription, "sStatus"),
                activated,
                LenientJson.nonBlankText(subscription, "planName"),
                LenientJson.isTrue(status, "isActive"),
                LenientJson.isTrue(status, "hasBaseStation"),
                LenientJson.nonBlankText(location, "account"),
                addressLabel(sid, location),
                LenientJson.nonBlankText(location, "timeZone"),
                LenientJson.intValue(location, "locationOffset"),
                SystemVersion.ofNullable(LenientJson.intValue(system, "version")),
                LenientJson.nonBlankText(system, "serial"),
                status(system),
                cameras(sid, system),
                texts(LenientJson.array(LenientJson.field(subscription, "subscriptionFeatures"), "remoteControl")),
                withoutSafeWord(subscription));
    }

    /** Street and city where known, so a person can tell two houses apart; the sid otherwise. */
    private static String addressLabel(long sid, JsonNode location) {
        String street = LenientJson.nonBlankText(location, "street1");
        String city = LenientJson.nonBlankText(location, "city");
        if (street != null && city != null) {
            return street + ", " + city;
        }
        if (street != null || city != null) {
            return street != null ? street : city;
        }
        return "System " + sid;
    }

    private static List<Camera> cameras(long sid, JsonNode system) {
        List<Camera> cameras = new ArrayList<>();
        for (JsonNode camera : LenientJson.array(system, "cameras")) {
            String uuid = LenientJson.nonBlankText(camera, "uuid");
            if (uuid == null) {
                LOG.warn("Skipped a camera of system {} without uuid (model {})", sid,
                        LenientJson.nonBlankText(camera, "model"));
                continue;
            }
            String model = LenientJson.nonBlankText(camera, "model");
            String name = LenientJson.nonBlankText(LenientJson.field(camera, "cameraSettings"), "cameraName");
            cameras.add(new Camera(uuid, LenientJson.nonBlankText(camera, "serial"), model, CameraKind.ofModel(model),
                    name == null ? uuid : name, LenientJson.nonBlankText(camera, "status"), camera));
        }
        return cameras;
    }

    private static List<String> texts(List<JsonNode> elements) {
        return elements.stream().filter(JsonNode::isTextual).map(JsonNode::textValue).toList();
    }

    private static JsonNode withoutSafeWord(JsonNode subscription) {
        JsonNode location = LenientJson.field(subscription, "location");
        if (location == null || !location.isObject() || !location.has("safeWord")) {
            return subscription;
        }
        ObjectNode copy = ((ObjectNode) subscription).deepCopy();
        ((ObjectNode) copy.get("location")).remove("safeWord");
        return copy;
    }
}
