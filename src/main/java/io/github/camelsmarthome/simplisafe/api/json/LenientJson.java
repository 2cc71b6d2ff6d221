package io.github.camelsmarthome.simplisafe.api.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads fields of SimpliSafe JSON without trusting its shape: any field may be missing, null, or of
 * another JSON type than usual (brief 9 rule 7, 11 P10), and upstream itself writes some fields
 * both ways (an {@code account} is a string in events and an integer in history). Every accessor
 * takes a possibly {@code null} or non-object parent and answers {@code null} (or an empty value)
 * instead of throwing, so callers state once what they default to.
 */
public final class LenientJson {

    /** Seconds beyond this can only be milliseconds (as seconds they would be after the year 5000). */
    private static final BigDecimal MILLISECONDS_THRESHOLD = BigDecimal.valueOf(100_000_000_000L);
    /** The same limit in milliseconds: anything larger is garbage, not a time. */
    private static final BigDecimal LARGEST_ACCEPTED = BigDecimal.valueOf(100_000_000_000_000L);

    private LenientJson() {
    }

    /** The field of an object, or {@code null} when the parent is not an object or lacks it, or it is JSON null. */
    public static JsonNode field(JsonNode parent, String name) {
        if (parent == null || !parent.isObject()) {
            return null;
        }
        JsonNode value = parent.get(name);
        return value == null || value.isNull() || value.isMissingNode() ? null : value;
    }

    /** A string or number field as text; {@code null} for anything else. */
    public static String text(JsonNode parent, String name) {
        JsonNode value = field(parent, name);
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        return value.isNumber() ? value.asText() : null;
    }

    /** Like {@link #text}, but an empty or blank string is {@code null}: upstream writes {@code ""} for "none". */
    public static String nonBlankText(JsonNode parent, String name) {
        String text = text(parent, name);
        return text == null || text.isBlank() ? null : text;
    }

    /** An integral number, or a string of digits; {@code null} otherwise (fractions, overflow, text). */
    public static Long longValue(JsonNode parent, String name) {
        JsonNode value = field(parent, name);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            BigDecimal decimal = value.decimalValue();
            return isWhole(decimal) ? longOrNull(decimal) : null;
        }
        if (value.isTextual()) {
            String trimmed = value.textValue().trim();
            if (trimmed.isEmpty() || trimmed.length() > 20) {
                return null;
            }
            try {
                return Long.parseLong(trimmed);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Like {@link #longValue} but within the {@code int} range. */
    public static Integer intValue(JsonNode parent, String name) {
        Long value = longValue(parent, name);
        return value == null || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? null : value.intValue();
    }

    /** A boolean, or the strings {@code true}/{@code false}; {@code null} otherwise. */
    public static Boolean bool(JsonNode parent, String name) {
        JsonNode value = field(parent, name);
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            String text = value.textValue().trim();
            if (text.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (text.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    /** Whether a field is {@code true}; missing or unreadable is {@code false}. */
    public static boolean isTrue(JsonNode parent, String name) {
        return Boolean.TRUE.equals(bool(parent, name));
    }

    /** An object field, or an empty object when missing or not an object (brief 4.2: flags, status, setting default to empty). */
    public static JsonNode object(JsonNode parent, String name) {
        JsonNode value = field(parent, name);
        return value != null && value.isObject() ? value : JsonNodeFactory.instance.objectNode();
    }

    /** The elements of an array field; empty when missing or not an array. */
    public static List<JsonNode> array(JsonNode parent, String name) {
        JsonNode value = field(parent, name);
        if (value == null || !value.isArray()) {
            return List.of();
        }
        List<JsonNode> elements = new ArrayList<>(value.size());
        value.forEach(elements::add);
        return elements;
    }

    /**
     * A Unix time field (seconds, as upstream writes them; milliseconds recognised by size), or
     * {@code null} when missing, unreadable, negative or zero: upstream writes {@code 0} for "never"
     * (e.g. {@code alarmStateTimestamp}).
     */
    public static Instant epochSeconds(JsonNode parent, String name) {
        JsonNode value = field(parent, name);
        if (value == null) {
            return null;
        }
        BigDecimal seconds;
        if (value.isNumber()) {
            seconds = value.decimalValue();
        } else if (value.isTextual() && value.textValue().length() <= 32) {
            try {
                seconds = new BigDecimal(value.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        if (seconds.signum() <= 0 || seconds.compareTo(LARGEST_ACCEPTED) > 0) {
            return null;
        }
        if (seconds.compareTo(MILLISECONDS_THRESHOLD) >= 0) {
            seconds = seconds.movePointLeft(3);
        }
        long whole = seconds.longValue();
        int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
        try {
            return Instant.ofEpochSecond(whole, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** An ISO-8601 instant field such as the websocket envelope's {@code time}; {@code null} when unreadable. */
    public static Instant isoInstant(JsonNode parent, String name) {
        String text = text(parent, name);
        if (text == null || text.length() > 64) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A deep copy of an object without the named fields; the original is left alone. */
    public static ObjectNode withoutFields(JsonNode object, String... names) {
        ObjectNode copy = object != null && object.isObject() ? ((ObjectNode) object).deepCopy() : JsonNodeFactory.instance.objectNode();
        copy.remove(List.of(names));
        return copy;
    }

    private static boolean isWhole(BigDecimal decimal) {
        return decimal.signum() == 0 || decimal.scale() <= 0 || decimal.stripTrailingZeros().scale() <= 0;
    }

    private static Long longOrNull(BigDecimal decimal) {
        try {
            return decimal.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
