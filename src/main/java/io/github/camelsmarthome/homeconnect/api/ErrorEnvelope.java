package io.github.camelsmarthome.homeconnect.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The parts of an error body the client uses, read defensively: a missing, empty, oversized or
 * malformed body yields an envelope without key and a note saying why, never an exception.
 *
 * <p>Accepts the API envelope <code>{"error":{"key":..,"description":..}}</code> and, because
 * the same client also talks to the token endpoint, the OAuth shape
 * <code>{"error":"invalid_grant","error_description":..}</code>.
 *
 * @param key         the error key, or {@code null}
 * @param description the description (or {@code developerMessage} when there is none), or {@code null}
 * @param applianceErrorCode the appliance-side {@code code}, or {@code null}
 * @param bodyNote    why the body gave nothing, or {@code null}
 */
record ErrorEnvelope(String key, String description, Integer applianceErrorCode, String bodyNote) {

    /** Bodies beyond this are not parsed: an error envelope is a few hundred bytes. */
    static final int MAX_PARSED_BODY_CHARS = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxStringLength(MAX_PARSED_BODY_CHARS)
                    .maxNumberLength(32)
                    .build())
            .build());

    static ErrorEnvelope parse(String body) {
        if (body == null || body.isBlank()) {
            return new ErrorEnvelope(null, null, null, "no error body");
        }
        if (body.length() > MAX_PARSED_BODY_CHARS) {
            return new ErrorEnvelope(null, null, null, "error body of " + body.length() + " characters not parsed");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception malformed) {
            // Deliberately not kept: parser messages quote the body, which may echo a token.
            return new ErrorEnvelope(null, null, null, "error body is not JSON");
        }
        if (root == null || !root.isObject()) {
            return new ErrorEnvelope(null, null, null, "error body is not a JSON object");
        }
        JsonNode error = root.get("error");
        if (error != null && error.isObject()) {
            return fromErrorObject(error);
        }
        if (error != null && error.isValueNode() && !error.isNull()) {
            return new ErrorEnvelope(error.asText(), text(root.get("error_description")), null, null);
        }
        if (root.hasNonNull("key")) {
            return fromErrorObject(root);
        }
        return new ErrorEnvelope(null, null, null, "error body has no error key");
    }

    private static ErrorEnvelope fromErrorObject(JsonNode error) {
        String key = text(error.get("key"));
        String description = text(error.get("description"));
        if (description == null) {
            description = text(error.get("developerMessage"));
        }
        JsonNode code = error.get("code");
        Integer applianceCode = code != null && code.canConvertToInt() && code.isIntegralNumber() ? code.intValue() : null;
        if (applianceCode == null && code != null && code.isTextual()) {
            applianceCode = parseSmallInt(code.asText());
        }
        return new ErrorEnvelope(key, description, applianceCode, key == null ? "error body has no error key" : null);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String value = node.asText();
        return value.isBlank() ? null : value;
    }

    private static Integer parseSmallInt(String value) {
        if (!value.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(value);
    }
}
