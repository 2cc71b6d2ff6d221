package io.github.camelsmarthome.auth;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON form of a token file. Field names follow the token endpoint's ({@code access_token},
 * ...) so that a person inspecting the file recognises them; the expiry is an ISO-8601 instant.
 * Read errors name the field or position only, never a value.
 */
final class TokenFileFormat {

    static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenFileFormat() {
    }

    static byte[] write(OAuthTokens tokens) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        putIfPresent(root, "access_token", tokens.accessToken());
        putIfPresent(root, "refresh_token", tokens.refreshToken());
        putIfPresent(root, "expires_at", tokens.expiresAt() == null ? null : tokens.expiresAt().toString());
        putIfPresent(root, "scope", tokens.scope());
        putIfPresent(root, "token_type", tokens.tokenType());
        ObjectNode extras = root.putObject("extras");
        tokens.extras().forEach(extras::put);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    static OAuthTokens read(byte[] content, Path file) throws CorruptTokenFileException {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException malformed) {
            JsonLocation at = malformed.getLocation();
            throw new CorruptTokenFileException(file, "not valid JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
        } catch (IOException unreadable) {
            throw new CorruptTokenFileException(file, "not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new CorruptTokenFileException(file, "not a JSON object");
        }
        JsonNode version = root.get("version");
        if (version != null && version.asInt(-1) != VERSION) {
            throw new CorruptTokenFileException(file, "unknown format version");
        }
        String accessToken = text(root, "access_token", file);
        String refreshToken = text(root, "refresh_token", file);
        if (accessToken == null && refreshToken == null) {
            throw new CorruptTokenFileException(file, "neither access_token nor refresh_token present");
        }
        Instant expiresAt = null;
        String expiry = text(root, "expires_at", file);
        if (expiry != null) {
            try {
                expiresAt = Instant.parse(expiry);
            } catch (DateTimeParseException malformed) {
                throw new CorruptTokenFileException(file, "expires_at is not an ISO-8601 instant");
            }
        }
        Map<String, String> extras = new LinkedHashMap<>();
        JsonNode extraNode = root.get("extras");
        if (extraNode != null && !extraNode.isNull()) {
            if (!extraNode.isObject()) {
                throw new CorruptTokenFileException(file, "extras is not an object");
            }
            var fields = extraNode.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                if (!field.getValue().isValueNode()) {
                    throw new CorruptTokenFileException(file, "extras holds a non-scalar value");
                }
                if (!field.getValue().isNull()) {
                    extras.put(field.getKey(), field.getValue().asText());
                }
            }
        }
        return new OAuthTokens(accessToken, refreshToken, expiresAt, text(root, "scope", file),
                text(root, "token_type", file), extras);
    }

    private static void putIfPresent(ObjectNode root, String name, String value) {
        if (value != null) {
            root.put(name, value);
        }
    }

    private static String text(JsonNode root, String name, Path file) throws CorruptTokenFileException {
        JsonNode value = root.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new CorruptTokenFileException(file, name + " is not a string");
        }
        return value.asText().isEmpty() ? null : value.asText();
    }
}
