package io.github.camelsmarthome.homeconnect.api;

import java.time.Instant;

/**
 * The "10 requests per second on average, 20 burst" limit as a token bucket: {@code capacity}
 * tokens, refilled continuously at {@code perSecond}, one taken per request.
 */
final class BurstBucket {

    private final int capacity;
    private final double perMillisecond;
    private double tokens;
    private long updatedMillis;

    BurstBucket(int capacity, int perSecond, Instant now) {
        this.capacity = capacity;
        this.perMillisecond = perSecond / 1000.0;
        this.tokens = capacity;
        this.updatedMillis = now.toEpochMilli();
    }

    boolean hasToken(Instant now) {
        refill(now);
        return tokens >= 1;
    }

    void take(Instant now) {
        refill(now);
        tokens = Math.max(0, tokens - 1);
    }

    /** When the next whole token is there. */
    Instant tokenAt(Instant now) {
        refill(now);
        if (tokens >= 1) {
            return now;
        }
        return now.plusMillis((long) Math.ceil((1 - tokens) / perMillisecond));
    }

    int wholeTokens(Instant now) {
        refill(now);
        return (int) Math.floor(tokens);
    }

    double tokens() {
        return tokens;
    }

    long updatedMillis() {
        return updatedMillis;
    }

    void restore(double savedTokens, long savedAtMillis, Instant now) {
        tokens = Math.max(0, Math.min(capacity, savedTokens));
        updatedMillis = Math.min(savedAtMillis, now.toEpochMilli());
        refill(now);
    }

    private void refill(Instant now) {
        long nowMillis = now.toEpochMilli();
        if (nowMillis > updatedMillis) {
            tokens = Math.min(capacity, tokens + (nowMillis - updatedMillis) * perMillisecond);
            updatedMillis = nowMillis;
        }
    }
}
