package io.github.camelsmarthome.simplisafe.api.websocket;

import java.time.Duration;

/**
 * The HTTP 403 rule (brief 9 rule 5, 11 P1): below the limit a refusal is an ordinary failure;
 * at the limit realtime is off for the refused back-off; each refusal of the single attempt after
 * it doubles the pause, up to the cap. An accepted upgrade forgets everything. Not thread-safe.
 */
final class UpgradeRefusals {

    private final int limit;
    private final Duration firstPause;
    private final Duration cap;
    private int consecutive;
    private Duration pause;

    UpgradeRefusals(int limit, Duration firstPause, Duration cap) {
        this.limit = limit;
        this.firstPause = firstPause;
        this.cap = cap.compareTo(firstPause) < 0 ? firstPause : cap;
    }

    /** Counts a refusal; the long pause that follows, or {@code null} while below the limit. */
    Duration refused() {
        consecutive++;
        if (consecutive < limit) {
            return null;
        }
        pause = pause == null ? firstPause : min(pause.multipliedBy(2), cap);
        return pause;
    }

    /** An upgrade went through. */
    void accepted() {
        consecutive = 0;
        pause = null;
    }

    /** Refusals in a row. */
    int consecutive() {
        return consecutive;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
