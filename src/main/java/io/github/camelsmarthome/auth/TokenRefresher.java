package io.github.camelsmarthome.auth;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out valid access tokens for one account and renews them ahead of expiry.
 *
 * <ul>
 *   <li><b>Ahead of expiry</b>: a token that expires within {@code refreshAhead} is renewed before
 *       it is handed out; if that refresh fails transiently while the token is still valid, the
 *       current token is used and the refresh is retried after {@code retryInterval}.</li>
 *   <li><b>Single flight</b>: concurrent callers share one in-flight refresh; the token endpoint
 *       sees one request however many callers ask (Home Connect allows about 10 per minute).</li>
 *   <li><b>Rotation is saved first</b>: the new token set, with a rotated refresh token, is written
 *       to the {@link TokenStore} before the new access token is handed to anyone, so a crash can
 *       never leave the store with a refresh token the server has already retired. If the save
 *       fails, nobody gets the new access token and the save is retried.</li>
 *   <li><b>Re-authorisation is a state</b>: a refused refresh ({@link RefreshRejectedException},
 *       e.g. {@code invalid_grant}) moves to {@link AuthState#AUTH_REQUIRED}; callers get
 *       {@link AuthorizationRequiredException} at once, listeners are told, and nothing is retried
 *       until {@link #authorize} supplies new tokens. Transient failures only reach
 *       {@link AuthState#DEGRADED}.</li>
 * </ul>
 *
 * <p>The HTTP call is the supplied {@link TokenRefreshCall}; store I/O and the call are started on
 * the executor, never on the caller's thread, so callers on an event loop are not blocked.
 */
public final class TokenRefresher {

    /** How long before expiry a token is renewed unless configured otherwise. */
    public static final Duration DEFAULT_REFRESH_AHEAD = Duration.ofSeconds(60);
    /** The pause after a failed refresh before the next attempt; homebridge uses 6 s to stay under 10 per minute. */
    public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(6);

    private static final Logger LOG = LoggerFactory.getLogger(TokenRefresher.class);

    private final String account;
    private final TokenStore store;
    private final TokenRefreshCall refreshCall;
    private final Duration refreshAhead;
    private final Duration retryInterval;
    private final Clock clock;
    private final Executor executor;
    /** Serialises store writes with the generation check, so a stale refresh never overwrites newer tokens. */
    private final Object storeLock = new Object();
    /** Guarded by this, like the fields below. */
    private final AuthStatusTracker tracker;

    // Guarded by this.
    private OAuthTokens tokens;
    private boolean unsaved;
    private boolean accessTokenRejected;
    private CompletableFuture<OAuthTokens> inFlight;
    private long generation;

    TokenRefresher(TokenRefresherBuilder builder) {
        this.account = builder.account;
        this.store = builder.store;
        this.refreshCall = builder.refreshCall;
        this.refreshAhead = builder.refreshAhead;
        this.retryInterval = builder.retryInterval;
        this.clock = builder.clock;
        this.executor = builder.executor;
        this.tracker = new AuthStatusTracker(account, clock, retryInterval);
        loadFromStore();
    }

    /**
     * Starts configuring a refresher for {@code account}, whose tokens live in {@code store} and are
     * renewed by {@code refreshCall}.
     */
    public static TokenRefresherBuilder builder(String account, TokenStore store, TokenRefreshCall refreshCall) {
        return new TokenRefresherBuilder(account, store, refreshCall);
    }

    /**
     * A valid access token: the current one, or a renewed one when it expires within the refresh
     * margin. Fails with {@link AuthorizationRequiredException} when a person must authorise again,
     * with {@link TokenRefreshFailedException} when no valid token can be had right now.
     */
    public CompletableFuture<String> getValidToken() {
        return obtain(null).thenApply(OAuthTokens::accessToken);
    }

    /**
     * After the API answered 401 to {@code rejectedAccessToken}: renews the token unless that was
     * already done (many requests fail with the same token at once; only the first renews).
     * Retry the request once with the result; a second 401 means re-authorisation.
     */
    public CompletableFuture<String> refreshAfterRejection(String rejectedAccessToken) {
        return obtain(Objects.requireNonNull(rejectedAccessToken, "rejectedAccessToken")).thenApply(OAuthTokens::accessToken);
    }

    /**
     * Takes tokens from a fresh authorisation (the {@code authorize} command, a device flow): saves
     * them, then leaves {@link AuthState#AUTH_REQUIRED}. Completes when they are saved.
     */
    public CompletableFuture<Void> authorize(OAuthTokens fresh) {
        Objects.requireNonNull(fresh, "fresh");
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                Runnable notice;
                try {
                    synchronized (storeLock) {
                        store.save(account, fresh);
                        synchronized (this) {
                            generation++;
                            tokens = fresh;
                            unsaved = false;
                            accessTokenRejected = false;
                            inFlight = null;
                            notice = tracker.succeeded("authorised; access token valid until " + fresh.expiresAt());
                        }
                    }
                } catch (IOException | RuntimeException failure) {
                    LOG.error("Cannot save the new tokens of {} to {}: {}", account, store.locationOf(account),
                            SecretMask.describe(failure, fresh));
                    done.completeExceptionally(failure);
                    return;
                }
                LOG.info("Account {} authorised; access token valid until {}", account, fresh.expiresAt());
                notice.run();
                done.complete(null);
            });
        } catch (RejectedExecutionException shutDown) {
            done.completeExceptionally(shutDown);
        }
        return done;
    }

    /**
     * While a person must authorise the account: reads the store again and, when it holds tokens
     * other than the refused ones (the {@code authorize} command wrote them meanwhile, possibly
     * from another process), takes them and leaves {@link AuthState#AUTH_REQUIRED}, so that nothing
     * needs a restart. Completes with whether it did; does nothing in any other state.
     */
    public CompletableFuture<Boolean> adoptNewerStoredTokens() {
        synchronized (this) {
            if (!tracker.requiresAuthorisation()) {
                return CompletableFuture.completedFuture(false);
            }
        }
        CompletableFuture<Boolean> adopted = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                Optional<OAuthTokens> stored;
                try {
                    synchronized (storeLock) {
                        stored = store.load(account);
                    }
                } catch (IOException | RuntimeException failure) {
                    LOG.debug("Cannot read the token store of {} at {}: {}", account, store.locationOf(account), failure.getClass().getSimpleName());
                    adopted.complete(false);
                    return;
                }
                boolean newer;
                synchronized (this) {
                    newer = stored.isPresent() && (tokens == null || !Objects.equals(stored.get().refreshToken(), tokens.refreshToken())
                                                   || !Objects.equals(stored.get().accessToken(), tokens.accessToken()));
                }
                if (!newer) {
                    adopted.complete(false);
                    return;
                }
                LOG.info("Account {}: new tokens found in {}; resuming", account, store.locationOf(account));
                authorize(stored.get()).whenComplete((ignored, failure) -> adopted.complete(failure == null));
            });
        } catch (RejectedExecutionException shutDown) {
            adopted.complete(false);
        }
        return adopted;
    }

    /** The current state, for a health check. */
    public synchronized AuthStatus status() {
        return tracker.status();
    }

    /** When the current access token expires, if known; for metrics. */
    public synchronized Optional<Instant> accessTokenExpiry() {
        return tokens == null ? Optional.empty() : Optional.ofNullable(tokens.expiresAt());
    }

    /** Registers a listener for state changes. */
    public synchronized void addListener(AuthStateListener listener) {
        tracker.addListener(listener);
    }

    /** Removes a listener registered before. */
    public synchronized void removeListener(AuthStateListener listener) {
        tracker.removeListener(listener);
    }

    private CompletableFuture<OAuthTokens> obtain(String rejectedAccessToken) {
        CompletableFuture<OAuthTokens> shared = new CompletableFuture<>();
        Runnable work;
        synchronized (this) {
            Instant now = clock.instant();
            if (rejectedAccessToken != null && tokens != null && rejectedAccessToken.equals(tokens.accessToken())) {
                accessTokenRejected = true;
            }
            if (tracker.requiresAuthorisation()) {
                return CompletableFuture.failedFuture(new AuthorizationRequiredException(account, tracker.status().detail()));
            }
            if (inFlight != null) {
                return inFlight.copy();
            }
            boolean settled = tokens != null && !unsaved;
            if (settled && usable(now) && (!tokens.expiresWithin(refreshAhead, now) || tokens.refreshToken() == null
                    || tracker.coolingDown(now))) {
                return CompletableFuture.completedFuture(tokens);
            }
            if (tracker.coolingDown(now)) {
                return CompletableFuture.failedFuture(new TokenRefreshFailedException("No valid access token for "
                        + account + " (" + tracker.lastFailure() + "); next attempt at " + tracker.retryAt()));
            }
            OAuthTokens current = tokens;
            long expectedGeneration = generation;
            if (settled && current.refreshToken() == null) {
                work = () -> requireAuthorisation(
                        "the access token expired and no refresh token is stored; authorise the account again", shared);
            } else {
                inFlight = shared;
                if (current == null) {
                    work = () -> reload(shared);
                } else if (unsaved) {
                    work = () -> persist(current, expectedGeneration, shared);
                } else {
                    work = () -> refresh(current, expectedGeneration, shared);
                }
            }
        }
        dispatch(work, shared);
        return shared.copy();
    }

    private void refresh(OAuthTokens current, long expectedGeneration, CompletableFuture<OAuthTokens> shared) {
        LOG.debug("Refreshing the tokens of {}; {}", account, current);
        CompletionStage<OAuthTokens> call;
        try {
            call = Objects.requireNonNull(refreshCall.refresh(current), "TokenRefreshCall returned null");
        } catch (RuntimeException failure) {
            call = CompletableFuture.failedFuture(failure);
        }
        // The answer may arrive on an event loop; the store write that follows must not run there.
        call.whenComplete((fresh, failure) -> dispatch(() -> onAnswer(current, expectedGeneration, shared, fresh, failure), shared));
    }

    private void onAnswer(OAuthTokens current, long expectedGeneration, CompletableFuture<OAuthTokens> shared,
            OAuthTokens fresh, Throwable failure) {
        if (failure == null && (fresh == null || fresh.accessToken() == null)) {
            failure = new TokenRefreshFailedException("the token endpoint answered without an access token");
        }
        OAuthTokens updated = failure == null ? current.updatedBy(fresh) : null;
        boolean stale;
        synchronized (this) {
            stale = expectedGeneration != generation;
            if (stale) {
                finishFlight(shared);
            } else if (updated != null) {
                tokens = updated;
                unsaved = true;
                accessTokenRejected = false;
            }
        }
        if (stale) {
            answerWithCurrentTokens(shared);
            return;
        }
        if (updated != null) {
            persist(updated, expectedGeneration, shared);
            return;
        }
        Throwable cause = unwrap(failure);
        String reason = SecretMask.describe(cause, current);
        if (cause instanceof RefreshRejectedException) {
            LOG.error("Token refresh for {} was refused ({}); the account must be authorised again, no further "
                    + "refresh will be attempted", account, reason);
            requireAuthorisation("the token endpoint refused the refresh token (" + reason + "); authorise the account again",
                    shared);
            return;
        }
        boolean stillUsable;
        synchronized (this) {
            stillUsable = usable(clock.instant());
        }
        LOG.warn("Token refresh for {} failed ({}); {}", account, reason, stillUsable
                ? "keeping the current access token, valid until " + current.expiresAt() + ", and retrying in " + retryInterval
                : "no valid access token until a retry in " + retryInterval + " succeeds");
        fail(shared, "token refresh failed: " + reason, stillUsable ? current : null);
    }

    private void persist(OAuthTokens updated, long expectedGeneration, CompletableFuture<OAuthTokens> shared) {
        boolean stale;
        try {
            synchronized (storeLock) {
                synchronized (this) {
                    stale = expectedGeneration != generation;
                }
                if (!stale) {
                    store.save(account, updated);
                }
            }
        } catch (IOException | RuntimeException failure) {
            String detail = "cannot save the renewed tokens to " + store.locationOf(account) + " ("
                    + SecretMask.describe(failure, updated) + ")";
            LOG.error("Tokens of {}: {}; the new access token is held back until they are saved", account, detail);
            fail(shared, detail, null);
            return;
        }
        if (stale) {
            synchronized (this) {
                finishFlight(shared);
            }
            answerWithCurrentTokens(shared);
            return;
        }
        Runnable notice;
        synchronized (this) {
            finishFlight(shared);
            if (tokens == updated) {
                unsaved = false;
            }
            notice = tracker.succeeded("access token valid until " + updated.expiresAt());
        }
        LOG.info("Renewed the tokens of {}; access token valid until {}", account, updated.expiresAt());
        notice.run();
        shared.complete(updated);
    }

    /** The first load happens at construction; this one follows an earlier load that failed on I/O. */
    private void reload(CompletableFuture<OAuthTokens> shared) {
        loadFromStore();
        synchronized (this) {
            finishFlight(shared);
        }
        answerWithCurrentTokens(shared);
    }

    private void loadFromStore() {
        Optional<OAuthTokens> loaded;
        try {
            loaded = store.load(account);
        } catch (CorruptTokenFileException corrupt) {
            LOG.warn("Account {} needs authorisation: {}", account, corrupt.getMessage());
            requireAuthorisation(corrupt.getMessage(), null);
            return;
        } catch (IOException | RuntimeException unreadable) {
            String detail = "cannot read the token store at " + store.locationOf(account) + " ("
                    + unreadable.getClass().getSimpleName() + ")";
            LOG.warn("Account {}: {}; retrying in {}", account, detail, retryInterval);
            fail(null, detail, null);
            return;
        }
        if (loaded.isEmpty()) {
            String detail = "no tokens stored at " + store.locationOf(account) + "; authorise the account";
            LOG.warn("Account {} needs authorisation: {}", account, detail);
            requireAuthorisation(detail, null);
            return;
        }
        Runnable notice;
        synchronized (this) {
            tokens = loaded.get();
            unsaved = false;
            notice = tracker.succeeded("tokens loaded; access token valid until " + tokens.expiresAt());
        }
        LOG.debug("Loaded the tokens of {}: {}", account, loaded.get());
        notice.run();
    }

    /** Moves to AUTH_REQUIRED and fails {@code shared} (when given) with what the user must do. */
    private void requireAuthorisation(String detail, CompletableFuture<OAuthTokens> shared) {
        Runnable notice;
        synchronized (this) {
            if (shared != null) {
                finishFlight(shared);
            }
            notice = tracker.authorisationRequired(detail);
        }
        notice.run();
        if (shared != null) {
            shared.completeExceptionally(new AuthorizationRequiredException(account, detail));
        }
    }

    /**
     * Records a transient failure (retried after the interval) and answers {@code shared}, when
     * given, with {@code fallback} or, without one, with the failure.
     */
    private void fail(CompletableFuture<OAuthTokens> shared, String detail, OAuthTokens fallback) {
        Runnable notice;
        synchronized (this) {
            if (shared != null) {
                finishFlight(shared);
            }
            notice = tracker.failedTransiently(detail);
        }
        notice.run();
        if (shared == null) {
            return;
        }
        if (fallback != null) {
            shared.complete(fallback);
        } else {
            shared.completeExceptionally(new TokenRefreshFailedException("No valid access token for " + account + ": " + detail));
        }
    }

    /**
     * Answers the waiters of a finished flight from the current state (after authorize() or a
     * reload). Never called under the lock: it may start a refresh, which runs supplied code.
     */
    private void answerWithCurrentTokens(CompletableFuture<OAuthTokens> shared) {
        obtain(null).whenComplete((current, failure) -> complete(shared, current, failure));
    }

    private void dispatch(Runnable work, CompletableFuture<OAuthTokens> shared) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException shutDown) {
            synchronized (this) {
                finishFlight(shared);
            }
            shared.completeExceptionally(new TokenRefreshFailedException("the token refresher of " + account + " is shut down"));
        }
    }

    private void finishFlight(CompletableFuture<OAuthTokens> shared) {
        if (inFlight == shared) {
            inFlight = null;
        }
    }

    private boolean usable(Instant now) {
        return tokens != null && !accessTokenRejected && !tokens.isExpiredAt(now);
    }

    private static void complete(CompletableFuture<OAuthTokens> target, OAuthTokens value, Throwable failure) {
        if (failure != null) {
            target.completeExceptionally(unwrap(failure));
        } else {
            target.complete(value);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
