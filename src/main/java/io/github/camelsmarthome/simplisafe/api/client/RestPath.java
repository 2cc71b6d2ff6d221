package io.github.camelsmarthome.simplisafe.api.client;

import java.nio.charset.StandardCharsets;

/**
 * Turns user input (a lock serial from a route or an MQTT topic) into exactly one path segment.
 * Everything outside RFC 3986's unreserved set is percent-encoded, so a {@code /}, {@code ?},
 * {@code #} or {@code %} stays data. {@code .} and {@code ..} are refused: servers and proxies
 * resolve dot segments even when they arrive encoded.
 */
final class RestPath {

    /** Serials are 3 to 10 characters; anything this long is not one. */
    static final int MAX_SEGMENT_CHARS = 128;

    private RestPath() {
    }

    /**
     * The value as one encoded segment.
     *
     * @throws IllegalArgumentException for a blank, dot-only or over-long value; the message names
     *         {@code what}, not the value
     */
    static String segment(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException(what + " must not be a dot segment");
        }
        if (value.length() > MAX_SEGMENT_CHARS) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_SEGMENT_CHARS + " characters");
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~';
            if (unreserved) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /** A system id as a segment; ids are positive. */
    static String sid(long sid) {
        if (sid <= 0) {
            throw new IllegalArgumentException("system id must be positive");
        }
        return Long.toString(sid);
    }
}
