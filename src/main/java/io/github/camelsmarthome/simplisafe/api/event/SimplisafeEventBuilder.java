package io.github.camelsmarthome.simplisafe.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.simplisafe.api.model.SensorType;
import java.time.Instant;

/**
 * Collects the fields of a {@link SimplisafeEvent}. Required: {@code systemId}, {@code origin},
 * {@code receivedAt}. Blank strings count as absent, as upstream writes {@code ""} for "none".
 */
public final class SimplisafeEventBuilder {
    // Package-private: SimplisafeEvent's constructor reads them.
    Long systemId;
    String deviceId;
    String type;
    Instant time;
    String id;
    Long eventId;
    Integer eventCid;
    String category;
    String info;
    SensorType sensorType;
    String sensorSerial;
    String sensorName;
    String changedBy;
    MediaUrls mediaUrls;
    SimplisafeEventOrigin origin;
    JsonNode raw;
    Instant receivedAt;

    SimplisafeEventBuilder() {
    }

    /** The system ({@code sid}); required. */
    public SimplisafeEventBuilder systemId(long value) {
        systemId = value;
        return this;
    }

    /** Overrides the derived device id; poll events set it to the sensor or lock serial. */
    public SimplisafeEventBuilder deviceId(String value) {
        deviceId = blankToNull(value);
        return this;
    }

    /** Overrides the type the event code gives; poll events set it. */
    public SimplisafeEventBuilder type(String value) {
        type = blankToNull(value);
        return this;
    }

    /** When it happened; {@code null} means the receipt time and a receipt-based id. */
    public SimplisafeEventBuilder time(Instant value) {
        time = value;
        return this;
    }

    /** Sets the id instead of deriving it; only for reading the JSON form back. */
    SimplisafeEventBuilder id(String value) {
        id = blankToNull(value);
        return this;
    }

    /** Upstream {@code eventId}; values of 0 and below count as absent. */
    public SimplisafeEventBuilder eventId(Long value) {
        eventId = value;
        return this;
    }

    /** Upstream {@code eventCid}. */
    public SimplisafeEventBuilder eventCid(Integer value) {
        eventCid = value;
        return this;
    }

    /** Upstream {@code eventType} (brief 5.5). */
    public SimplisafeEventBuilder category(String value) {
        category = blankToNull(value);
        return this;
    }

    /** Human text. */
    public SimplisafeEventBuilder info(String value) {
        info = blankToNull(value);
        return this;
    }

    /** The device type. */
    public SimplisafeEventBuilder sensorType(SensorType value) {
        sensorType = value;
        return this;
    }

    /** The device serial. */
    public SimplisafeEventBuilder sensorSerial(String value) {
        sensorSerial = value;
        return this;
    }

    /** The device name. */
    public SimplisafeEventBuilder sensorName(String value) {
        sensorName = value;
        return this;
    }

    /** Who did it ({@code pinName}). */
    public SimplisafeEventBuilder changedBy(String value) {
        changedBy = value;
        return this;
    }

    /** Camera media links. */
    public SimplisafeEventBuilder mediaUrls(MediaUrls value) {
        mediaUrls = value;
        return this;
    }

    /** How the bridge learned it; required. */
    public SimplisafeEventBuilder origin(SimplisafeEventOrigin value) {
        origin = value;
        return this;
    }

    /** The upstream object. */
    public SimplisafeEventBuilder raw(JsonNode value) {
        raw = value;
        return this;
    }

    /** When received or made; required. */
    public SimplisafeEventBuilder receivedAt(Instant value) {
        receivedAt = value;
        return this;
    }

    /** The event; derives type, deviceId, time and id where not set. */
    public SimplisafeEvent build() {
        if (systemId == null) {
            throw new IllegalStateException("a SimpliSafe event needs a system id");
        }
        return new SimplisafeEvent(this);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
