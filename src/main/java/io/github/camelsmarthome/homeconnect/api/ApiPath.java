package io.github.camelsmarthome.homeconnect.api;

import java.nio.charset.StandardCharsets;

/**
 * Builds the request path of an operation from user-supplied appliance ids and keys. These come
 * from routes and MQTT topics, so each is percent-encoded as one path segment: a {@code /},
 * {@code ?}, {@code #}, {@code %}, space or control character stays data and can never add a
 * segment, a query or a fragment. Whole-segment {@code .} and {@code ..} are refused outright,
 * because servers decode {@code %2E} before removing dot segments.
 */
final class ApiPath {

    /** The REST API lives under this prefix of the base URL (brief section 1). */
    static final String API_PREFIX = "/api";
    /** Real ids are 18 digits or brand-vib-12 hex and keys are dotted names; anything this long is not one. */
    static final int MAX_SEGMENT_CHARS = 256;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ApiPath() {
    }

    /** {@code /api/...} with the id and key encoded; the operation's needs were checked by the request. */
    static String of(HomeConnectOperation operation, String haId, String key) {
        String path = operation.pathTemplate();
        if (operation.needsHaId()) {
            path = path.replace("{haId}", segment(haId, "haId"));
        }
        if (operation.needsKey()) {
            path = path.replace("{" + operation.keyName() + "}", segment(key, operation.keyName()));
        }
        return API_PREFIX + path;
    }

    /**
     * {@code value} encoded as one path segment: RFC 3986 unreserved characters as they are,
     * everything else as UTF-8 percent-escapes.
     *
     * @throws IllegalArgumentException when the value is blank, {@code .}, {@code ..} or too long
     */
    static String segment(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException(what + " must not be '" + value + "': it would address another resource");
        }
        if (value.length() > MAX_SEGMENT_CHARS) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_SEGMENT_CHARS + " characters");
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return encoded.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
