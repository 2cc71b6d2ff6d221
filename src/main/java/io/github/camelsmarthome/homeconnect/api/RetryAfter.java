package io.github.camelsmarthome.homeconnect.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how long a 429 asks the client to wait: the {@code Retry-After} header as seconds (Home
 * Connect's form; fractions accepted, as aiohomeconnect reads it as a float) or as an HTTP date
 * (RFC 9110), and as a fallback the seconds named in the description.
 */
final class RetryAfter {

    /**
     * Upper bound for any wait: the longest documented block is the daily one (reported values up
     * to 86 234 s); a larger value is a broken header, and capping it keeps arithmetic safe.
     */
    static final Duration MAX_WAIT = Duration.ofHours(48);

    private static final Pattern SECONDS = Pattern.compile("\\d{1,12}(\\.\\d{1,9})?");
    private static final Pattern REMAINING_PERIOD = Pattern.compile("(?i)remaining period of (\\d{1,12}) seconds");

    private RetryAfter() {
    }

    /** The wait the header asks for, measured from {@code now}; empty when absent or unreadable. */
    static Optional<Duration> fromHeader(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        if (SECONDS.matcher(trimmed).matches()) {
            long millis = new BigDecimal(trimmed).movePointRight(3).setScale(0, RoundingMode.CEILING)
                    .min(BigDecimal.valueOf(MAX_WAIT.toMillis())).longValueExact();
            return Optional.of(Duration.ofMillis(millis));
        }
        try {
            Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(capped(Duration.between(now, at)));
        } catch (DateTimeParseException | ArithmeticException notADate) {
            return Optional.empty();
        }
    }

    /** The wait named in a BSH description ("... blocked during the remaining period of 564 seconds"). */
    static Optional<Duration> fromDescription(String description) {
        if (description == null) {
            return Optional.empty();
        }
        Matcher matcher = REMAINING_PERIOD.matcher(description);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(capped(Duration.ofSeconds(Long.parseLong(matcher.group(1)))));
    }

    private static Duration capped(Duration wait) {
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }
}
