package io.github.camelsmarthome.simplisafe.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.camelsmarthome.auth.AuthState;
import io.github.camelsmarthome.auth.AuthorizationRequiredException;
import io.github.camelsmarthome.auth.FileTokenStore;
import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.auth.RefreshRejectedException;
import io.github.camelsmarthome.auth.TokenRefresher;
import io.github.camelsmarthome.simulator.simplisafe.FaultTarget;
import io.github.camelsmarthome.simulator.simplisafe.IssuedTokens;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulator;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulatorOptions;
import io.github.camelsmarthome.testing.CapturedLogs;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SimpliSafe login against the fake cloud: given the simulator's tenant, a login URL the
 * tenant accepts, a code it issues, an exchange that proves the verifier, and refreshes that keep
 * the non-rotated refresh token or end in AUTH_REQUIRED.
 */
class SimpliSafeAuthorizationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path stateDir;

    private Vertx vertx;
    private SimpliSafeSimulator cloud;
    private SimpliSafeAuthorization authorization;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        cloud = SimpliSafeSimulator.start(SimpliSafeSimulatorOptions.forTests().build());
        authorization = new SimpliSafeAuthorization(vertx, SimpliSafeAuthOptions.of(cloud.authUrl(), cloud.apiUrl())
                .withDeadline(Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        authorization.close();
        cloud.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().orTimeout(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).join();
    }

    private static Throwable failureOf(CompletionStage<?> stage) {
        try {
            join(stage);
        } catch (CompletionException failed) {
            return failed.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    private OAuthTokens logIn() {
        SimpliSafeLogin login = authorization.beginLogin();
        String code = cloud.auth().completeLogin(login.authorizeUrl());
        return join(authorization.exchangeCode(login, code));
    }

    @Test
    void theLoginUrlCarriesTheAppConstantsAndAnS256Challenge() throws Exception {
        SimpliSafeLogin login = authorization.beginLogin();
        URI url = URI.create(login.authorizeUrl());
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        assertThat(login.authorizeUrl()).startsWith(cloud.authUrl() + "/authorize?");
        assertThat(query).containsEntry("client_id", "42aBZ5lYrVW12jfOuu3CQROitwxg9sN5")
                .containsEntry("redirect_uri", "com.simplisafe.mobile://auth.simplisafe.com/ios/com.simplisafe.mobile/callback")
                .containsEntry("scope", "offline_access email openid https://api.simplisafe.com/scopes/user:platform")
                .containsEntry("audience", "https://api.simplisafe.com/")
                .containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("device", "iPhone")
                .containsEntry("state", login.state());
        assertThat(query.get("device_id")).matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
        String expectedChallenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(login.codeVerifier().getBytes(StandardCharsets.US_ASCII)));
        assertThat(query.get("code_challenge")).isEqualTo(expectedChallenge);
        assertThat(login.codeVerifier()).hasSizeBetween(43, 128).matches("[A-Za-z0-9_-]+");
        assertThat(login.toString()).doesNotContain(login.codeVerifier());
        assertThat(authorization.beginLogin().codeVerifier()).isNotEqualTo(login.codeVerifier());
    }

    @Test
    void aFullLoginGivesTokensWithARefreshTokenAndTheUserId() {
        OAuthTokens tokens = logIn();

        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(tokens.expiresAt()).isAfter(java.time.Instant.now().plusSeconds(3000));
        assertThat(join(authorization.fetchUserId(tokens))).isEqualTo(cloud.userId());
    }

    @Test
    void eachPastedFormOfTheCodeIsExchanged() {
        SimpliSafeLogin viaUrl = authorization.beginLogin();
        String callback = "com.simplisafe.mobile://auth.simplisafe.com/ios/com.simplisafe.mobile/callback?code="
                + cloud.auth().completeLogin(viaUrl.authorizeUrl());
        assertThat(join(authorization.exchangeCode(viaUrl, callback)).refreshToken()).isNotBlank();

        SimpliSafeLogin viaDevTools = authorization.beginLogin();
        String consoleLine = "Failed to launch 'com.simplisafe.mobile://auth.simplisafe.com/ios/com.simplisafe.mobile/callback?code="
                + cloud.auth().completeLogin(viaDevTools.authorizeUrl()) + "' because the scheme does not have a registered handler.";
        assertThat(join(authorization.exchangeCode(viaDevTools, consoleLine)).refreshToken()).isNotBlank();
    }

    @Test
    void theLoginIsStoredOwnerOnlyUnderAStableAccountName() throws Exception {
        OAuthTokens tokens = logIn();
        String account = SimpliSafeAuthorization.accountName(null);
        FileTokenStore store = new FileTokenStore(stateDir);

        store.save(account, tokens);

        assertThat(account).matches("simplisafe-[0-9a-f]{8}").isEqualTo(SimpliSafeAuthorization.accountName("default"));
        assertThat(SimpliSafeAuthorization.accountName("cabin")).isNotEqualTo(account);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.fileOf(account)))).isEqualTo("rw-------");
        assertThat(store.load(account)).map(OAuthTokens::refreshToken).contains(tokens.refreshToken());
    }

    @Test
    void anExchangeWithTheVerifierOfAnotherLoginIsRefused() {
        SimpliSafeLogin login = authorization.beginLogin();
        SimpliSafeLogin other = authorization.beginLogin();
        String code = cloud.auth().completeLogin(login.authorizeUrl());

        Throwable failure = failureOf(authorization.exchangeCode(
                new SimpliSafeLogin(login.authorizeUrl(), login.state(), other.codeVerifier()), code));

        assertThat(failure).isInstanceOf(SimpliSafeAuthException.class)
                .hasMessageContaining("invalid_grant")
                .hasMessageContaining("authorize simplisafe again")
                .hasMessageNotContaining(code)
                .hasMessageNotContaining(other.codeVerifier());
        assertThat(((SimpliSafeAuthException) failure).isInvalidGrant()).isTrue();
        assertThat(((SimpliSafeAuthException) failure).isTransient()).isFalse();
    }

    @Test
    void anUnusablePasteFailsWithoutARequest() {
        SimpliSafeLogin login = authorization.beginLogin();
        cloud.requests().clear();

        assertThat(failureOf(authorization.exchangeCode(login, "not a code"))).isInstanceOf(UnusablePasteException.class);
        assertThat(cloud.requests().count()).isZero();
    }

    @Test
    void aTokenEndpointOutageIsTransient() {
        SimpliSafeLogin login = authorization.beginLogin();
        String code = cloud.auth().completeLogin(login.authorizeUrl());
        cloud.faults().failNext(FaultTarget.TOKEN_ENDPOINT, 503);

        Throwable failure = failureOf(authorization.exchangeCode(login, code));

        assertThat(failure).isInstanceOf(SimpliSafeAuthException.class).hasMessageContaining("HTTP 503");
        assertThat(((SimpliSafeAuthException) failure).isTransient()).isTrue();
    }

    @Test
    void aStuckTokenEndpointIsATransientFailureAfterTheDeadline() {
        OAuthTokens tokens = logIn();
        cloud.faults().delayNext(FaultTarget.TOKEN_ENDPOINT, Duration.ofSeconds(3), 1);
        try (SimpliSafeAuthorization impatient = new SimpliSafeAuthorization(vertx,
                SimpliSafeAuthOptions.of(cloud.authUrl(), cloud.apiUrl()).withDeadline(Duration.ofMillis(300)))) {

            Throwable failure = failureOf(impatient.refresh(tokens));

            assertThat(failure).isInstanceOf(SimpliSafeAuthException.class).hasMessageContaining("no answer within 300 ms");
            assertThat(((SimpliSafeAuthException) failure).isTransient()).isTrue();
        }
    }

    @Test
    void aRefreshKeepsTheRefreshTokenThatWasNotRotated() {
        OAuthTokens tokens = logIn();

        OAuthTokens answer = join(authorization.refresh(tokens));
        OAuthTokens updated = tokens.updatedBy(answer);

        assertThat(answer.refreshToken()).isNull();
        assertThat(updated.accessToken()).isNotEqualTo(tokens.accessToken());
        assertThat(updated.refreshToken()).isEqualTo(tokens.refreshToken());
        assertThat(join(authorization.fetchUserId(updated))).isEqualTo(cloud.userId());
    }

    @Test
    void theRefresherKeepsTheStoredRefreshTokenAcrossRefreshes() throws Exception {
        OAuthTokens tokens = logIn();
        FileTokenStore store = new FileTokenStore(stateDir);
        String account = SimpliSafeAuthorization.accountName(null);
        store.save(account, tokens);
        TokenRefresher refresher = TokenRefresher.builder(account, store, authorization).build();

        String renewed = join(refresher.refreshAfterRejection(tokens.accessToken()));

        assertThat(renewed).isNotEqualTo(tokens.accessToken());
        assertThat(store.load(account)).map(OAuthTokens::refreshToken).contains(tokens.refreshToken());
        assertThat(refresher.status().state()).isEqualTo(AuthState.AUTHORIZED);
    }

    @Test
    void aRevokedRefreshTokenIsRejectedWithEitherStatus() {
        OAuthTokens tokens = logIn();
        cloud.auth().revokeRefreshTokens();

        assertThat(failureOf(authorization.refresh(tokens))).isInstanceOf(RefreshRejectedException.class)
                .hasMessageNotContaining(tokens.refreshToken());
        cloud.auth().setInvalidGrantStatus(401);
        assertThat(failureOf(authorization.refresh(tokens))).isInstanceOf(RefreshRejectedException.class)
                .extracting(failure -> ((RefreshRejectedException) failure).error()).isEqualTo("invalid_grant");
    }

    @Test
    void aRevokedRefreshTokenMovesTheRefresherToAuthRequired() throws Exception {
        OAuthTokens tokens = logIn();
        FileTokenStore store = new FileTokenStore(stateDir);
        String account = SimpliSafeAuthorization.accountName(null);
        store.save(account, tokens);
        TokenRefresher refresher = TokenRefresher.builder(account, store, authorization).build();
        cloud.auth().revokeAllTokens();

        Throwable failure = failureOf(refresher.refreshAfterRejection(tokens.accessToken()));

        assertThat(failure).isInstanceOf(AuthorizationRequiredException.class);
        await().atMost(WAIT).until(() -> refresher.status().state() == AuthState.AUTH_REQUIRED);
    }

    @Test
    void aRefreshDuringAnOutageIsTransientNotARejection() {
        OAuthTokens tokens = logIn();
        cloud.faults().failNext(FaultTarget.TOKEN_ENDPOINT, 502);

        Throwable failure = failureOf(authorization.refresh(tokens));

        assertThat(failure).isNotInstanceOf(RefreshRejectedException.class).isInstanceOf(SimpliSafeAuthException.class);
    }

    @Test
    void aRefreshWithoutARefreshTokenIsRejectedAtOnce() {
        OAuthTokens accessOnly = new OAuthTokens("access-only", null, null, null, null, Map.of());
        assertThat(failureOf(authorization.refresh(accessOnly))).isInstanceOf(RefreshRejectedException.class);
    }

    @Test
    void debugLogsShowNoTokenCodeOrVerifier() {
        try (CapturedLogs logs = CapturedLogs.capture("io.github.camelsmarthome")) {
            SimpliSafeLogin login = authorization.beginLogin();
            String code = cloud.auth().completeLogin(login.authorizeUrl());
            OAuthTokens tokens = join(authorization.exchangeCode(login, code));
            OAuthTokens refreshed = tokens.updatedBy(join(authorization.refresh(tokens)));
            join(authorization.fetchUserId(refreshed));
            cloud.auth().revokeRefreshTokens();
            failureOf(authorization.refresh(refreshed));
            failureOf(authorization.exchangeCode(login, code));

            assertThat(logs.lines()).isNotEmpty();
            assertThat(logs.allText()).doesNotContain(code, login.codeVerifier(), tokens.accessToken(), tokens.refreshToken(),
                    refreshed.accessToken());
            Optional.ofNullable(tokens.extras().get("id_token")).ifPresent(idToken -> assertThat(logs.allText()).doesNotContain(idToken));
        }
    }

    @Test
    void issuedTokensFromTheSimulatorRefreshToo() {
        IssuedTokens issued = cloud.auth().issueTokens();
        OAuthTokens tokens = new OAuthTokens(issued.accessToken(), issued.refreshToken(), null, null, null, Map.of());
        assertThat(join(authorization.refresh(tokens)).accessToken()).isNotBlank();
    }
}
