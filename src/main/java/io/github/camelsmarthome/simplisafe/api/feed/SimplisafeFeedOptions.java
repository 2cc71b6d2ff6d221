package io.github.camelsmarthome.simplisafe.api.feed;

import java.time.Duration;
import java.util.Objects;

/**
 * How the feed polls.
 *
 * @param systemId the only system to watch; {@code null} for every usable system of the account
 * @param fastPollInterval between polls while the system is armed, arming, pending or alarming
 * @param slowPollInterval between polls while it is disarmed
 * @param armCooldown after the alarm state changes on a system with locks, sensors are not read for
 *     this long (the base station is busy and answers 409; brief 8: simplipy 15 s, homebridge 20 s)
 * @param historyPageSize events asked for per history read ({@code numEvents})
 * @param pollSensors whether to read sensors and locks (needed for door, battery and lock events)
 * @param forbiddenBackoff the first pause after an HTTP 403 without a type; it doubles up to
 *     {@code maxForbiddenBackoff} (brief 10: 60 s doubling to 2 h)
 * @param maxForbiddenBackoff the longest pause after repeated 403s
 * @param startRetryInterval between attempts to read the account's systems at start
 */
public record SimplisafeFeedOptions(Long systemId, Duration fastPollInterval, Duration slowPollInterval, Duration armCooldown,
        int historyPageSize, boolean pollSensors, Duration forbiddenBackoff, Duration maxForbiddenBackoff,
        Duration startRetryInterval) {

    /** Checks the values. */
    public SimplisafeFeedOptions {
        positive(fastPollInterval, "fastPollInterval");
        positive(slowPollInterval, "slowPollInterval");
        Objects.requireNonNull(armCooldown, "armCooldown");
        positive(forbiddenBackoff, "forbiddenBackoff");
        positive(maxForbiddenBackoff, "maxForbiddenBackoff");
        positive(startRetryInterval, "startRetryInterval");
        if (historyPageSize < 1 || historyPageSize > 500) {
            throw new IllegalArgumentException("historyPageSize must be between 1 and 500, not " + historyPageSize);
        }
    }

    /** Every system; 10 s armed, 30 s disarmed (Home Assistant polls every 30 s); 15 s cooldown; 20 events a page. */
    public static SimplisafeFeedOptions defaults() {
        return new SimplisafeFeedOptions(null, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(15), 20, true,
                Duration.ofSeconds(60), Duration.ofHours(2), Duration.ofSeconds(30));
    }

    /** These options for one system only. */
    public SimplisafeFeedOptions withSystemId(Long id) {
        return new SimplisafeFeedOptions(id, fastPollInterval, slowPollInterval, armCooldown, historyPageSize, pollSensors,
                forbiddenBackoff, maxForbiddenBackoff, startRetryInterval);
    }

    /** These options with other poll intervals. */
    public SimplisafeFeedOptions withPollIntervals(Duration fast, Duration slow) {
        return new SimplisafeFeedOptions(systemId, fast, slow, armCooldown, historyPageSize, pollSensors, forbiddenBackoff,
                maxForbiddenBackoff, startRetryInterval);
    }

    /** These options with another cooldown after arming. */
    public SimplisafeFeedOptions withArmCooldown(Duration cooldown) {
        return new SimplisafeFeedOptions(systemId, fastPollInterval, slowPollInterval, cooldown, historyPageSize, pollSensors,
                forbiddenBackoff, maxForbiddenBackoff, startRetryInterval);
    }

    /** These options with another history page size and sensor switch. */
    public SimplisafeFeedOptions withHistory(int pageSize, boolean sensors) {
        return new SimplisafeFeedOptions(systemId, fastPollInterval, slowPollInterval, armCooldown, pageSize, sensors,
                forbiddenBackoff, maxForbiddenBackoff, startRetryInterval);
    }

    /** These options with other pauses after 403s and failed starts. */
    public SimplisafeFeedOptions withBackoffs(Duration forbidden, Duration maxForbidden, Duration startRetry) {
        return new SimplisafeFeedOptions(systemId, fastPollInterval, slowPollInterval, armCooldown, historyPageSize, pollSensors,
                forbidden, maxForbidden, startRetry);
    }

    private static void positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, not " + value);
        }
    }
}
