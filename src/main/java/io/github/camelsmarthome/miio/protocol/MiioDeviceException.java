package io.github.camelsmarthome.miio.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalInt;

/**
 * A miIO request that did not produce a result: the device answered with an {@code error}
 * object, did not answer, or answered with something unusable. The message names the device
 * address, method and id, never the token or the request's params.
 */
public final class MiioDeviceException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The device answered with an {@code error} object; see {@link #code()} and {@link #deviceMessage()}. */
        DEVICE_ERROR,
        /** No response to any attempt within the timeout. */
        TIMEOUT,
        /** No hello reply: the device is unreachable, or not a miIO device. */
        UNREACHABLE,
        /** The response's checksum does not match: the configured token is wrong (not retried). */
        INVALID_TOKEN,
        /** The response decrypted but is not a usable JSON response. */
        MALFORMED_RESPONSE,
        /** The request does not fit in one miIO packet (65535 bytes); nothing was sent. */
        REQUEST_TOO_LARGE,
        /** The UDP socket could not be opened or written. */
        IO_ERROR,
        /** The client was closed before the request finished. */
        CLOSED
    }

    private final Kind kind;
    private final transient JsonNode error;

    /** Creates an exception of a kind without an error object; {@code message} must hold no secret. */
    public MiioDeviceException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    /** Creates an exception carrying the device's {@code error} object (may be null). */
    public MiioDeviceException(Kind kind, String message, JsonNode error, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.error = error;
    }

    /** A {@link Kind#DEVICE_ERROR} whose message is {@code context} followed by the code and text of {@code error}. */
    static MiioDeviceException deviceError(String context, JsonNode error) {
        JsonNode code = error.path("code");
        JsonNode text = error.path("message").isTextual() ? error.get("message") : error.path("error");
        String description = "error " + (code.isMissingNode() ? "without code" : code.asText())
                + (text.isTextual() ? " '" + text.textValue() + "'" : "");
        return new MiioDeviceException(Kind.DEVICE_ERROR, context + ": " + description, error, null);
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /** The device's {@code error} object as received, or null when the device sent none. */
    public JsonNode error() {
        return error;
    }

    /** The device's error code, when it sent an integer {@code code}. */
    public OptionalInt code() {
        return error != null && error.path("code").canConvertToInt()
                ? OptionalInt.of(error.path("code").intValue())
                : OptionalInt.empty();
    }

    /**
     * The device's error text: {@code message} as devices send it, or {@code error} as python-miio's
     * server does; null when neither is text.
     */
    public String deviceMessage() {
        if (error == null) {
            return null;
        }
        if (error.path("message").isTextual()) {
            return error.get("message").textValue();
        }
        return error.path("error").isTextual() ? error.get("error").textValue() : null;
    }
}
