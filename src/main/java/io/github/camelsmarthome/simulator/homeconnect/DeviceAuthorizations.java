package io.github.camelsmarthome.simulator.homeconnect;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Device-flow sessions (RFC 8628, brief section 2.3): issues device and user codes and answers
 * each poll with {@code authorization_pending}, {@code slow_down}, {@code access_denied},
 * {@code expired_token} or tokens.
 */
final class DeviceAuthorizations {

    /** RFC 8628 section 6.1: no vowels, so a code never spells a word; no look-alike letters. */
    private static final String USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    private static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

    private final SimulationClock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> byDeviceCode = new ConcurrentHashMap<>();
    private final Map<String, Session> byUserCode = new ConcurrentHashMap<>();
    private final List<Consumer<DeviceAuthorizationRequest>> listeners = new CopyOnWriteArrayList<>();
    private volatile Duration lifetime;
    private volatile Duration pollInterval;
    private volatile boolean autoApprove;
    private volatile int pendingPollsBeforeAutoApproval;

    private enum State { PENDING, APPROVED, DENIED }

    /** One login attempt; guarded by its own monitor because polls and approvals race. */
    private static final class Session {
        final String deviceCode;
        final String userCode;
        final String clientId;
        final Set<String> scopes;
        final Instant expiresAt;
        final DeviceAuthorizationRequest request;
        State state = State.PENDING;
        Instant lastPoll;
        Duration interval;
        int polls;

        Session(String deviceCode, String userCode, String clientId, Set<String> scopes, Instant expiresAt,
                Duration interval, DeviceAuthorizationRequest request) {
            this.deviceCode = deviceCode;
            this.userCode = userCode;
            this.clientId = clientId;
            this.scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
            this.expiresAt = expiresAt;
            this.interval = interval;
            this.request = request;
        }
    }

    /** What the device-authorization endpoint answers. */
    record Started(String deviceCode, DeviceAuthorizationRequest request, long expiresInSeconds, long intervalSeconds) {
    }

    /** A successful poll: whom to issue tokens to. */
    record Approved(String clientId, Set<String> scopes) {
    }

    DeviceAuthorizations(SimulationClock clock, SimulatorOptions options) {
        this.clock = clock;
        this.lifetime = options.deviceCodeLifetime();
        this.pollInterval = options.deviceCodePollInterval();
        this.autoApprove = options.autoApproveDeviceCodes();
        this.pendingPollsBeforeAutoApproval = options.pendingPollsBeforeAutoApproval();
    }

    Started start(String clientId, Set<String> scopes, String verificationUri) {
        String deviceCode = randomDeviceCode();
        String userCode = randomUserCode();
        Instant expiresAt = clock.now().plus(lifetime);
        var request = new DeviceAuthorizationRequest(userCode, verificationUri,
                verificationUri + "?user_code=" + userCode, expiresAt, clientId);
        Session session = new Session(deviceCode, userCode, clientId, scopes, expiresAt, pollInterval, request);
        byDeviceCode.put(deviceCode, session);
        byUserCode.put(normalise(userCode), session);
        listeners.forEach(listener -> listener.accept(request));
        return new Started(deviceCode, request, Math.max(1, ceilSeconds(lifetime)), ceilSeconds(pollInterval));
    }

    /** Answers one token-endpoint poll; throws the OAuth error the poll deserves. */
    Approved poll(String deviceCode, String clientId) {
        Session session = deviceCode == null ? null : byDeviceCode.get(deviceCode);
        if (session == null) {
            throw OAuthError.expiredDeviceCode().exception();
        }
        if (clientId != null && !clientId.equals(session.clientId)) {
            throw OAuthError.invalidGrant("device_code was issued to another client").exception();
        }
        synchronized (session) {
            Instant now = clock.now();
            if (!now.isBefore(session.expiresAt)) {
                forget(session);
                throw OAuthError.expiredDeviceCode().exception();
            }
            if (session.state == State.DENIED) {
                forget(session);
                throw new OAuthError(400, "access_denied", "The user denied the authorization request").exception();
            }
            Instant previous = session.lastPoll;
            session.lastPoll = now;
            if (previous != null && Duration.between(previous, now).compareTo(session.interval) < 0) {
                session.interval = session.interval.plus(SLOW_DOWN_STEP);
                throw new OAuthError(400, "slow_down", "Polling too fast; wait " + ceilSeconds(session.interval)
                        + " seconds between requests").exception();
            }
            session.polls++;
            if (session.state == State.PENDING && autoApprove && session.polls > pendingPollsBeforeAutoApproval) {
                session.state = State.APPROVED;
            }
            if (session.state == State.APPROVED) {
                forget(session);
                return new Approved(session.clientId, session.scopes);
            }
            throw new OAuthError(400, "authorization_pending", "The user has not yet finished the authorization").exception();
        }
    }

    boolean approve(String userCode) {
        return decide(userCode, State.APPROVED);
    }

    boolean deny(String userCode) {
        return decide(userCode, State.DENIED);
    }

    List<DeviceAuthorizationRequest> pending() {
        Instant now = clock.now();
        List<DeviceAuthorizationRequest> pending = new ArrayList<>();
        for (Session session : byDeviceCode.values()) {
            synchronized (session) {
                if (session.state == State.PENDING && now.isBefore(session.expiresAt)) {
                    pending.add(session.request);
                }
            }
        }
        return pending;
    }

    void onStarted(Consumer<DeviceAuthorizationRequest> listener) {
        listeners.add(listener);
    }

    void setAutoApprove(boolean autoApprove, int pendingPollsFirst) {
        if (pendingPollsFirst < 0) {
            throw new IllegalArgumentException("pendingPollsFirst must not be negative");
        }
        this.pendingPollsBeforeAutoApproval = pendingPollsFirst;
        this.autoApprove = autoApprove;
    }

    void setLifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    void setPollInterval(Duration interval) {
        this.pollInterval = interval;
    }

    private boolean decide(String userCode, State decision) {
        Session session = userCode == null ? null : byUserCode.get(normalise(userCode));
        if (session == null) {
            return false;
        }
        synchronized (session) {
            if (session.state != State.PENDING || !clock.now().isBefore(session.expiresAt)) {
                return false;
            }
            session.state = decision;
            return true;
        }
    }

    private void forget(Session session) {
        byDeviceCode.remove(session.deviceCode);
        byUserCode.remove(normalise(session.userCode));
    }

    private static String normalise(String userCode) {
        return userCode.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static long ceilSeconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }

    private String randomUserCode() {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(USER_CODE_ALPHABET.charAt(random.nextInt(USER_CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    private String randomDeviceCode() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
