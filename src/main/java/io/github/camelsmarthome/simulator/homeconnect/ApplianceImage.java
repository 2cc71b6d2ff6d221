package io.github.camelsmarthome.simulator.homeconnect;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A camera image an appliance offers (brief section 4.5).
 *
 * @param key             compartment key, e.g. {@code Refrigeration.Common.EnumType.Compartment.Type.InteriorRightRC}
 * @param imageKey        the key {@code images/{imagekey}} serves the bytes under
 * @param previewImageKey preview key, or {@code null} (optional in the API)
 * @param timestampMillis capture time in Unix milliseconds
 * @param quality         {@code good} or {@code bad}
 * @param bytes           the JPEG bytes
 */
public record ApplianceImage(String key, String imageKey, String previewImageKey, long timestampMillis, String quality,
        byte[] bytes) {

    /** Compact constructor: keeps its own copy of the bytes. */
    public ApplianceImage {
        bytes = bytes.clone();
    }

    /** A copy of the JPEG bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    ObjectNode listingJson() {
        ObjectNode json = SimulatorJson.object();
        json.put("key", key);
        json.put("imagekey", imageKey);
        if (previewImageKey != null) {
            json.put("previewimagekey", previewImageKey);
        }
        json.put("timestamp", timestampMillis);
        json.put("quality", quality);
        return json;
    }
}
