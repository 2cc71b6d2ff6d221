package io.github.camelsmarthome.simulator.homeconnect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts every app's calls against {@link RateLimits} and refuses with 429 once a limit is
 * reached (brief section 7). The simulator has a single user, so "per client id and user" is per
 * client id here.
 */
public final class RequestQuota {

    /** What a request costs besides being a call. */
    enum Cost { CALL, PROGRAM_START, PROGRAM_STOP }

    private final SimulationClock clock;
    private final Map<String, ClientCounters> clients = new ConcurrentHashMap<>();
    private volatile RateLimits limits;

    RequestQuota(SimulationClock clock, RateLimits limits) {
        this.clock = clock;
        this.limits = limits;
    }

    /** Replaces the limits; counters already running keep their counts. */
    public void setLimits(RateLimits limits) {
        this.limits = limits;
    }

    /** The limits in force. */
    public RateLimits limits() {
        return limits;
    }

    /** Forgets all counts and blocks, as if a new day had begun for every app. */
    public void reset() {
        clients.clear();
    }

    /** Calls counted today (in the current daily window) for an app. */
    public int callsToday(String clientId) {
        ClientCounters counters = clients.get(clientId);
        return counters == null ? 0 : counters.dailyCount();
    }

    /** Admits one API call, or says why not. */
    QuotaRefusal admit(String clientId, Cost cost) {
        return counters(clientId).admit(limits, cost, clock.now());
    }

    /** Feeds the answer's status to the successive-errors counter. */
    void recordOutcome(String clientId, int status) {
        counters(clientId).recordOutcome(limits, status, clock.now());
    }

    /** Admits one token-endpoint call. */
    QuotaRefusal admitTokenRequest(String clientId) {
        return counters(clientId == null ? "" : clientId).admitTokenRequest(limits, clock.now());
    }

    /** Takes one of the app's event channels, or says why not. */
    QuotaRefusal openChannel(String clientId) {
        return counters(clientId).openChannel(limits, clock.now());
    }

    void closeChannel(String clientId) {
        counters(clientId).closeChannel(clock.now());
    }

    private ClientCounters counters(String clientId) {
        return clients.computeIfAbsent(clientId, id -> new ClientCounters());
    }

    /** A fixed counting window that restarts once it has passed. */
    private static final class Window {
        Instant start;
        int count;

        void roll(Duration length, Instant now) {
            if (start == null || !now.isBefore(start.plus(length))) {
                start = now;
                count = 0;
            }
        }
    }

    /** All counters of one app; every method is synchronized because requests arrive on several event loops. */
    private static final class ClientCounters {
        private final Window day = new Window();
        private final Window minute = new Window();
        private final Window starts = new Window();
        private final Window stops = new Window();
        private final Window tokenCalls = new Window();
        private final Deque<Instant> lingeringChannels = new ArrayDeque<>();
        private double bucket = Double.NaN;
        private Instant bucketAt;
        private Instant blockedUntil;
        private String blockedBy;
        private Instant startsBlockedUntil;
        private Instant stopsBlockedUntil;
        private Instant tokenBlockedUntil;
        private int successiveErrors;
        private Instant firstErrorAt;
        private int openChannels;
        private Duration lingerFor = Duration.ZERO;

        synchronized int dailyCount() {
            return day.count;
        }

        synchronized QuotaRefusal admit(RateLimits limits, Cost cost, Instant now) {
            if (blockedUntil != null && now.isBefore(blockedUntil)) {
                return refusal(blockedBy, blockedUntil, now);
            }
            day.roll(limits.daily().window(), now);
            if (day.count >= limits.daily().calls()) {
                return block(limits.daily(), day, now);
            }
            minute.roll(limits.perMinute().window(), now);
            if (minute.count >= limits.perMinute().calls()) {
                return block(limits.perMinute(), minute, now);
            }
            refill(limits, now);
            if (bucket < 1) {
                long waitMillis = (long) Math.ceil((1 - bucket) * 1000 / limits.perSecond());
                return refusal(limits.perSecond() + " calls in 1 second", now.plusMillis(waitMillis), now);
            }
            if (cost == Cost.PROGRAM_START) {
                QuotaRefusal refused = admitProgramCall(limits.programStarts(), starts, true, now);
                if (refused != null) {
                    return refused;
                }
            } else if (cost == Cost.PROGRAM_STOP) {
                QuotaRefusal refused = admitProgramCall(limits.programStops(), stops, false, now);
                if (refused != null) {
                    return refused;
                }
            }
            day.count++;
            minute.count++;
            bucket -= 1;
            return null;
        }

        synchronized void recordOutcome(RateLimits limits, int status, Instant now) {
            if (status == 429) {
                return;
            }
            if (status < 400) {
                successiveErrors = 0;
                return;
            }
            RateLimits.Quota quota = limits.successiveErrors();
            if (successiveErrors == 0 || !now.isBefore(firstErrorAt.plus(quota.window()))) {
                successiveErrors = 0;
                firstErrorAt = now;
            }
            successiveErrors++;
            if (successiveErrors >= quota.calls()) {
                successiveErrors = 0;
                blockedUntil = now.plus(quota.block() == null ? quota.window() : quota.block());
                blockedBy = quota.label();
            }
        }

        synchronized QuotaRefusal admitTokenRequest(RateLimits limits, Instant now) {
            RateLimits.Quota quota = limits.tokenRequests();
            if (tokenBlockedUntil != null && now.isBefore(tokenBlockedUntil)) {
                return refusal(quota.label(), tokenBlockedUntil, now);
            }
            tokenCalls.roll(quota.window(), now);
            if (tokenCalls.count >= quota.calls()) {
                tokenBlockedUntil = quota.block() == null ? tokenCalls.start.plus(quota.window()) : now.plus(quota.block());
                return refusal(quota.label(), tokenBlockedUntil, now);
            }
            tokenCalls.count++;
            return null;
        }

        synchronized QuotaRefusal openChannel(RateLimits limits, Instant now) {
            while (!lingeringChannels.isEmpty() && !now.isBefore(lingeringChannels.peekFirst())) {
                lingeringChannels.pollFirst();
            }
            if (openChannels + lingeringChannels.size() >= limits.eventChannels()) {
                Instant freeAt = lingeringChannels.isEmpty() ? now.plusSeconds(60) : lingeringChannels.peekFirst();
                return refusal(limits.eventChannels() + " event monitoring channels", freeAt, now);
            }
            openChannels++;
            lingerFor = limits.channelLinger();
            return null;
        }

        synchronized void closeChannel(Instant now) {
            if (openChannels > 0) {
                openChannels--;
                if (!lingerFor.isZero()) {
                    lingeringChannels.addLast(now.plus(lingerFor));
                }
            }
        }

        private QuotaRefusal admitProgramCall(RateLimits.Quota quota, Window window, boolean start, Instant now) {
            Instant until = start ? startsBlockedUntil : stopsBlockedUntil;
            if (until != null && now.isBefore(until)) {
                return refusal(quota.label(), until, now);
            }
            window.roll(quota.window(), now);
            if (window.count >= quota.calls()) {
                Instant blocked = quota.block() == null ? window.start.plus(quota.window()) : now.plus(quota.block());
                if (start) {
                    startsBlockedUntil = blocked;
                } else {
                    stopsBlockedUntil = blocked;
                }
                return refusal(quota.label(), blocked, now);
            }
            window.count++;
            return null;
        }

        private QuotaRefusal block(RateLimits.Quota quota, Window window, Instant now) {
            blockedUntil = quota.block() == null ? window.start.plus(quota.window()) : now.plus(quota.block());
            blockedBy = quota.label();
            return refusal(blockedBy, blockedUntil, now);
        }

        private void refill(RateLimits limits, Instant now) {
            if (Double.isNaN(bucket)) {
                bucket = limits.burst();
            } else {
                double seconds = Duration.between(bucketAt, now).toNanos() / 1e9;
                bucket = Math.min(limits.burst(), bucket + seconds * limits.perSecond());
            }
            bucketAt = now;
        }

        private static QuotaRefusal refusal(String label, Instant until, Instant now) {
            long millis = Duration.between(now, until).toMillis();
            return new QuotaRefusal(label, Math.max(1, (millis + 999) / 1000));
        }
    }
}
