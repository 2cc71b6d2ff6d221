package io.github.camelsmarthome.simplisafe.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.simplisafe.api.json.LenientJson;
import io.github.camelsmarthome.simplisafe.api.model.BaseStationStatus;
import io.github.camelsmarthome.simplisafe.api.model.PinSlot;
import io.github.camelsmarthome.simplisafe.api.model.SystemSettings;
import io.github.camelsmarthome.simplisafe.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the V3 settings ({@code ss3/subscriptions/{sid}/settings/normal}, brief 4.3), the answer of
 * the same path's POST and of {@code settings/pins}, which have the same shape.
 *
 * <p>The GET sometimes answers with an empty body; simplipy then keeps the previous settings, and
 * so should the caller: such a body reads as {@link Optional#empty()}. PIN values are never read
 * into the model (see {@link PinSlot}).
 *
 * <p>Stateless and thread-safe.
 */
public final class SettingsMapper {

    /** The settings of a body; empty when the body has no {@code settings} object (empty body, {@code {}}). */
    public Optional<SystemSettings> settings(JsonNode body) {
        JsonNode settings = LenientJson.field(body, "settings");
        if (settings == null || !settings.isObject() || settings.isEmpty()) {
            return Optional.empty();
        }
        JsonNode normal = LenientJson.object(settings, "normal");
        return Optional.of(new SystemSettings(
                LenientJson.intValue(normal, "alarmDuration"),
                Volume.ofNullable(LenientJson.intValue(normal, "alarmVolume")),
                Volume.ofNullable(LenientJson.intValue(normal, "doorChime")),
                Volume.ofNullable(LenientJson.intValue(normal, "voicePrompts")),
                LenientJson.intValue(normal, "entryDelayAway"),
                LenientJson.intValue(normal, "entryDelayHome"),
                LenientJson.intValue(normal, "exitDelayAway"),
                LenientJson.intValue(normal, "exitDelayHome"),
                LenientJson.bool(normal, "light"),
                LenientJson.nonBlankText(normal, "wifiSSID"),
                baseStation(LenientJson.field(body, "basestationStatus")),
                pinSlots(LenientJson.field(settings, "pins")),
                normal));
    }

    private static BaseStationStatus baseStation(JsonNode status) {
        if (status == null || !status.isObject()) {
            return null;
        }
        return new BaseStationStatus(LenientJson.bool(status, "rfJamming"), LenientJson.intValue(status, "wifiRssi"),
                LenientJson.intValue(status, "gsmRssi"), LenientJson.intValue(status, "backupBattery"),
                LenientJson.intValue(status, "wallPower"), status);
    }

    /** Master, duress, then the user slots; {@code users} is an array in answers and an object keyed "0".."3" in requests. */
    private static List<PinSlot> pinSlots(JsonNode pins) {
        if (pins == null || !pins.isObject()) {
            return List.of();
        }
        List<PinSlot> slots = new ArrayList<>();
        addFixedSlot(slots, pins, "master");
        addFixedSlot(slots, pins, "duress");
        JsonNode users = LenientJson.field(pins, "users");
        List<JsonNode> userSlots = new ArrayList<>();
        if (users != null && users.isArray()) {
            users.forEach(userSlots::add);
        } else if (users != null && users.isObject()) {
            for (int i = 0; users.has(Integer.toString(i)); i++) {
                userSlots.add(users.get(Integer.toString(i)));
            }
        }
        for (int i = 0; i < userSlots.size(); i++) {
            JsonNode user = userSlots.get(i);
            slots.add(new PinSlot("user" + (i + 1), LenientJson.nonBlankText(user, "name"),
                    LenientJson.nonBlankText(user, "pin") != null));
        }
        return slots;
    }

    private static void addFixedSlot(List<PinSlot> slots, JsonNode pins, String slot) {
        JsonNode holder = LenientJson.field(pins, slot);
        if (holder != null) {
            slots.add(new PinSlot(slot, null, LenientJson.nonBlankText(holder, "pin") != null));
        }
    }
}
