package io.github.camelsmarthome.homeconnect.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Reads the {@code timestamp} of an event item, which upstream writes in several ways
 * (brief 3.4 and 8.5 rule 7): integer Unix seconds, the same with a fraction
 * ({@code 1676897835.000}), {@code null}, or not at all.
 */
final class UpstreamTimestamp {

    /**
     * Event timestamps are seconds, but images use milliseconds; a value this large can only be
     * milliseconds (in seconds it would be the year 5138), so it is read as such rather than
     * producing an absurd date.
     */
    private static final BigDecimal MILLISECONDS_THRESHOLD = BigDecimal.valueOf(100_000_000_000L);
    private static final BigDecimal LARGEST_ACCEPTED = BigDecimal.valueOf(1_000_000_000_000_000L);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private UpstreamTimestamp() {
    }

    /** The instant a timestamp node stands for, or {@code null} when it is absent or unreadable. */
    static Instant parse(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        BigDecimal seconds;
        if (node.isNumber()) {
            seconds = node.decimalValue();
        } else if (node.isTextual()) {
            try {
                seconds = new BigDecimal(node.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        if (seconds.signum() < 0 || seconds.compareTo(LARGEST_ACCEPTED) > 0) {
            return null;
        }
        if (seconds.compareTo(MILLISECONDS_THRESHOLD) >= 0) {
            seconds = seconds.divide(THOUSAND);
        }
        long whole = seconds.longValue();
        int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
        try {
            return Instant.ofEpochSecond(whole, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Unix seconds for JSON: a {@code Long} for whole seconds, else a {@code BigDecimal}; {@code null} stays. */
    static Number toSeconds(Instant instant) {
        if (instant == null) {
            return null;
        }
        if (instant.getNano() == 0) {
            return instant.getEpochSecond();
        }
        return BigDecimal.valueOf(instant.getEpochSecond())
                .add(BigDecimal.valueOf(instant.getNano(), 9))
                .stripTrailingZeros();
    }
}
