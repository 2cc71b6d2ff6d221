package io.github.camelsmarthome.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.testing.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Specification of token renewal (developer briefs: Home Connect 2.4/2.5, SimpliSafe 3.4-3.6). */
class TokenRefresherTest {

    private static final String ACCOUNT = "homeconnect/test";
    private static final Duration WITHIN = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final InMemoryTokenStore store = new InMemoryTokenStore(events);
    private final ScriptedRefreshCall endpoint = new ScriptedRefreshCall();
    private final List<AuthStatus> notified = new CopyOnWriteArrayList<>();

    private OAuthTokens tokens(String access, String refresh, Duration validFor) {
        return new OAuthTokens(access, refresh, validFor == null ? null : clock.instant().plus(validFor),
                "IdentifyAppliance Monitor Control Settings", "Bearer", Map.of());
    }

    private TokenRefresher refresher() {
        TokenRefresher refresher = TokenRefresher.builder(ACCOUNT, store, endpoint)
                .clock(clock)
                .executor(Runnable::run)
                .refreshAhead(Duration.ofMinutes(10))
                .retryInterval(Duration.ofSeconds(6))
                .build();
        refresher.addListener((account, previous, current) -> notified.add(current));
        return refresher;
    }

    private static void assertFailsWith(CompletableFuture<?> future, Class<? extends Throwable> type) {
        assertThat(future).failsWithin(WITHIN).withThrowableOfType(ExecutionException.class).withCauseInstanceOf(type);
    }

    private List<AuthState> notifiedStates() {
        return notified.stream().map(AuthStatus::state).toList();
    }

    @Test
    void handsOutTheStoredTokenWhileItIsFarFromExpiry() {
        store.with(ACCOUNT, tokens("A1", "R1", Duration.ofHours(1)));
        TokenRefresher refresher = refresher();

        assertThat(refresher.getValidToken()).isCompletedWithValue("A1");
        assertThat(endpoint.calls).isEmpty();
        assertThat(refresher.status().state()).isEqualTo(AuthState.AUTHORIZED);
    }

    @Test
    void refreshesOnceTheTokenIsWithinTheMarginOfExpiry() {
        store.with(ACCOUNT, tokens("A1", "R1", Duration.ofMinutes(30)));
        TokenRefresher refresher = refresher();
        assertThat(refresher.getValidToken()).isCompletedWithValue("A1");

        clock.advance(Duration.ofMinutes(21));
        CompletableFuture<String> token = refresher.getValidToken();

        assertThat(token).isNotDone();
        assertThat(endpoint.calls).singleElement().extracting(OAuthTokens::refreshToken).isEqualTo("R1");
        endpoint.lastAnswer().complete(tokens("A2", "R2", Duration.ofHours(24)));
        assertThat(token).isCompletedWithValue("A2");
        assertThat(refresher.accessTokenExpiry()).contains(clock.instant().plus(Duration.ofHours(24)));
    }

    @Test
    void concurrentCallersShareExactlyOneRefresh() throws Exception {
        store.with(ACCOUNT, tokens("A1", "R1", Duration.ofSeconds(-1)));
        TokenRefresher refresher = refresher();
        int callers = 32;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<String>> tokens = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return tokens.add(refresher.getValidToken());
                }));
            }
            start.countDown();
            for (Future<?> call : calls) {
                call.get(5, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(endpoint.calls).hasSize(1);
        assertThat(tokens).hasSize(callers).allSatisfy(token -> assertThat(token).isNotDone());
        endpoint.lastAnswer().complete(tokens("A2", "R2", Duration.ofHours(24)));
        assertThat(tokens).allSatisfy(token -> assertThat(token).isCompletedWithValue("A2"));
        assertThat(endpoint.calls).hasSize(1);
    }

    @Test
    void savesTheRotatedRefreshTokenBeforeTheNewAccessTokenIsUsed() {
        store.with(ACCOUNT, tokens("A1", "R1", Duration.ofSeconds(-1)));
        TokenRefresher refresher = refresher();
        CompletableFuture<Void> used = refresher.getValidToken().thenAccept(token -> events.add("used " + token));

        endpoint.lastAnswer().complete(tokens("A2", "R2", Duration.ofHours(24)));

        assertThat(used).isCompleted();
        assertThat(events).containsExactly("saved refresh token R2", "used A2");
    }

    @Test
    void holdsBackTheNewAccessTokenUntilTheRotatedTokensAreSaved() {
        store.with(ACCOUNT, tokens("A1", "R1", Duration.ofSeconds(-1)));
        TokenRefresher refresher = refresher();
        store.nextSaveFailure = new IOException("No space left on device");

        CompletableFuture<String> first = refresher.getValidToken();
        endpoint.lastAnswer().complete(tokens("A2", "R2", Duration.ofHours(24)));

        assertFailsWith(first, TokenRefreshFailedException.class);
        assertThat(refresher.status().state()).isEqualTo(AuthState.DEGRADED);
        assertThat(refresher.status().detail()).contains("memory:" + ACCOUNT, "No space left");
        assertThat(store.stored(ACCOUNT).refreshToken()).isEqualTo("R1");
        assertFailsWith(refresher.getValidToken(), TokenRefreshFailedException.class);

        clock.advance(Duration.ofSeconds(6));
        assertThat(refresher.getValidToken()).isCompletedWithValue("A2");
        assertThat(store.stored(ACCOUNT).refreshToken()).isEqualTo("R2");
        assertThat(endpoint.calls).hasSize(1);
        assertThat(refresher.status().state()).isEqualTo(AuthState.AUTHORIZED);
    }

    @Test
    void keepsTheStoredRefreshTokenWhenTheAnswerCarriesNone() {
        store.with(ACCOUNT, tokens("A1", "R1", Duration.ofSeconds(-1)));
        TokenRefresher refresher = refresher();
        CompletableFuture<String> token = refresher.getValidToken();

        endpoint.lastAnswer().complete(tokens("A2", null, Duration.ofHours(1)));

        assertThat(token).isCompletedWithValue("A2");
        assertThat(store.stored(ACCOUNT).refreshToken()).isEqualTo("R1");
        assertThat(store.stored(ACCOUNT).accessToken()).isEqualTo("A2");
    }

    @Test
    void aRefusedRefreshRequiresAuthorisationAndIsNeverRetried() {
        store.with(ACCOUNT, tokens("A1", "R1", Duration.ofSeconds(-1)));
        TokenRefresher refresher = refresher();
        CompletableFuture<String> token = refresher.getValidToken();

        endpoint.lastAnswer().completeExceptionally(new RefreshRejectedException("invalid_grant", "invalid refresh_token"));

        assertFailsWith(token, AuthorizationRequiredException.class);
        assertThat(refresher.status().state()).isEqualTo(AuthState.AUTH_REQUIRED);
        assertThat(refresher.status().detail()).contains("invalid_grant", "authorise the account again");
        assertThat(notifiedStates()).containsExactly(AuthState.AUTH_REQUIRED);

        clock.advance(Duration.ofHours(1));
        assertFailsWith(refresher.getValidToken(), AuthorizationRequiredException.class);
        assertFailsWith(refresher.refreshAfterRejection("A1"), AuthorizationRequiredException.class);
        assertThat(endpoint.calls).hasSize(1);
    }

    @Test
    void aNewAuthorisationEndsAuthRequired() {
        TokenRefresher refresher = refresher();
        assertThat(refresher.status().state()).isEqualTo(AuthState.AUTH_REQUIRED);

        assertThat(refresher.authorize(tokens("A3", "R3", Duration.ofHours(24)))).succeedsWithin(WITHIN);

        assertThat(refresher.status().state()).isEqualTo(AuthState.AUTHORIZED);
        assertThat(notifiedStates()).containsExactly(AuthState.AUTHORIZED);
        assertThat(store.stored(ACCOUNT).refreshToken()).isEqualTo("R3");
        assertThat(refresher.getValidToken()).isCompletedWithValue("A3");
    }

    @Test
    void aTransientFailureKeepsTheStillValidTokenAndRetriesLater() {
        store.with(ACCOUNT, tokens("A1", "R1", Duration.ofMinutes(5)));
        TokenRefresher refresher = refresher();
        CompletableFuture<String> token = refresher.getValidToken();

        endpoint.lastAnswer().completeExceptionally(new IOException("Connection reset"));

        assertThat(token).isCompletedWithValue("A1");
        assertThat(refresher.status().state()).isEqualTo(AuthState.DEGRADED);
        assertThat(notifiedStates()).containsExactly(AuthState.DEGRADED);
        assertThat(refresher.getValidToken()).isCompletedWithValue("A1");
        assertThat(endpoint.calls).hasSize(1);

        clock.advance(Duration.ofSeconds(6));
        CompletableFuture<String> retried = refresher.getValidToken();
        assertThat(endpoint.calls).hasSize(2);
        endpoint.lastAnswer().complete(tokens("A2", "R2", Duration.ofHours(24)));
        assertThat(retried).isCompletedWithValue("A2");
        assertThat(notifiedStates()).containsExactly(AuthState.DEGRADED, AuthState.AUTHORIZED);
    }

    @Test
    void aTransientFailureWithAnExpiredTokenFailsWithoutAskingForAuthorisation() {
        store.with(ACCOUNT, tokens("A1", "R1", Duration.ofSeconds(-1)));
        TokenRefresher refresher = refresher();
        CompletableFuture<String> token = refresher.getValidToken();

        endpoint.lastAnswer().completeExceptionally(new IOException("Read timed out"));

        assertFailsWith(token, TokenRefreshFailedException.class);
        assertThat(refresher.status().state()).isEqualTo(AuthState.DEGRADED);
    }

    @Test
    void aRefreshCallThatThrowsIsATransientFailure() {
        store.with(ACCOUNT, tokens("A1", "R1", Duration.ofSeconds(-1)));
        TokenRefresher refresher = TokenRefresher.builder(ACCOUNT, store, current -> {
            throw new IllegalStateException("client not started");
        }).clock(clock).executor(Runnable::run).build();

        assertFailsWith(refresher.getValidToken(), TokenRefreshFailedException.class);
        assertThat(refresher.status().state()).isEqualTo(AuthState.DEGRADED);
    }

    @Test
    void manyRejectionsOfOneTokenCauseOneRefresh() {
        store.with(ACCOUNT, tokens("A1", "R1", Duration.ofHours(20)));
        TokenRefresher refresher = refresher();

        CompletableFuture<String> first = refresher.refreshAfterRejection("A1");
        CompletableFuture<String> second = refresher.refreshAfterRejection("A1");
        endpoint.lastAnswer().complete(tokens("A2", "R2", Duration.ofHours(24)));

        assertThat(first).isCompletedWithValue("A2");
        assertThat(second).isCompletedWithValue("A2");
        assertThat(refresher.refreshAfterRejection("A1")).isCompletedWithValue("A2");
        assertThat(endpoint.calls).hasSize(1);
    }

    @Test
    void aRejectedTokenIsNotHandedOutAgainWhenItsRefreshFails() {
        store.with(ACCOUNT, tokens("A1", "R1", Duration.ofHours(20)));
        TokenRefresher refresher = refresher();

        CompletableFuture<String> token = refresher.refreshAfterRejection("A1");
        endpoint.lastAnswer().completeExceptionally(new IOException("Connection refused"));

        assertFailsWith(token, TokenRefreshFailedException.class);
        assertFailsWith(refresher.getValidToken(), TokenRefreshFailedException.class);
    }

    @Test
    void requiresAuthorisationWhenNothingIsStored() {
        TokenRefresher refresher = refresher();

        assertThat(refresher.status().state()).isEqualTo(AuthState.AUTH_REQUIRED);
        assertThat(refresher.status().detail()).contains("memory:" + ACCOUNT);
        assertFailsWith(refresher.getValidToken(), AuthorizationRequiredException.class);
    }

    @Test
    void requiresAuthorisationWhenTheTokenExpiredAndThereIsNoRefreshToken() {
        store.with(ACCOUNT, tokens("A1", null, Duration.ofMinutes(1)));
        TokenRefresher refresher = refresher();
        assertThat(refresher.getValidToken()).isCompletedWithValue("A1");

        clock.advance(Duration.ofMinutes(1));

        assertFailsWith(refresher.getValidToken(), AuthorizationRequiredException.class);
        assertThat(refresher.status().state()).isEqualTo(AuthState.AUTH_REQUIRED);
        assertThat(endpoint.calls).isEmpty();
    }

    @Test
    void retriesAStoreThatCouldNotBeRead() {
        store.with(ACCOUNT, tokens("A1", "R1", Duration.ofHours(1)));
        store.nextLoadFailure = new IOException("Input/output error");
        TokenRefresher refresher = refresher();
        assertThat(refresher.status().state()).isEqualTo(AuthState.DEGRADED);
        assertFailsWith(refresher.getValidToken(), TokenRefreshFailedException.class);

        clock.advance(Duration.ofSeconds(6));

        assertThat(refresher.getValidToken()).isCompletedWithValue("A1");
        assertThat(refresher.status().state()).isEqualTo(AuthState.AUTHORIZED);
    }

    @Test
    void neverRefreshesAheadWhenTheExpiryIsUnknown() {
        store.with(ACCOUNT, tokens("A1", "R1", null));
        TokenRefresher refresher = refresher();

        clock.advance(Duration.ofDays(30));

        assertThat(refresher.getValidToken()).isCompletedWithValue("A1");
        assertThat(endpoint.calls).isEmpty();
    }

    @Test
    void aFailingListenerDoesNotDisturbTheOthers() {
        TokenRefresher refresher = refresher();
        refresher.addListener((account, previous, current) -> {
            throw new IllegalStateException("broken listener");
        });
        List<AuthState> seenBySecond = new CopyOnWriteArrayList<>();
        refresher.addListener((account, previous, current) -> seenBySecond.add(current.state()));

        assertThat(refresher.authorize(tokens("A1", "R1", Duration.ofHours(1)))).succeedsWithin(WITHIN);

        assertThat(seenBySecond).containsExactly(AuthState.AUTHORIZED);
    }

    @Test
    void anAuthorisationDuringARefreshWins() {
        store.with(ACCOUNT, tokens("A1", "R1", Duration.ofSeconds(-1)));
        TokenRefresher refresher = refresher();
        CompletableFuture<String> waiting = refresher.getValidToken();

        assertThat(refresher.authorize(tokens("A9", "R9", Duration.ofHours(24)))).succeedsWithin(WITHIN);
        endpoint.lastAnswer().complete(tokens("A2", "R2", Duration.ofHours(24)));

        assertThat(waiting).isCompletedWithValue("A9");
        assertThat(store.stored(ACCOUNT).refreshToken()).isEqualTo("R9");
        assertThat(refresher.getValidToken()).isCompletedWithValue("A9");
    }

    @Test
    void worksWithItsOwnWorkerThreads() {
        store.with(ACCOUNT, tokens("A1", "R1", Duration.ofSeconds(-1)));
        TokenRefresher refresher = TokenRefresher.builder(ACCOUNT, store,
                current -> CompletableFuture.supplyAsync(() -> tokens("A2", "R2", Duration.ofHours(24)))).clock(clock).build();

        assertThat(refresher.getValidToken()).succeedsWithin(WITHIN).isEqualTo("A2");
        assertThat(store.stored(ACCOUNT).refreshToken()).isEqualTo("R2");
    }
}
