package io.github.camelsmarthome.homeconnect.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.auth.AuthState;
import io.github.camelsmarthome.auth.AuthorizationRequiredException;
import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.auth.RefreshRejectedException;
import io.github.camelsmarthome.simulator.homeconnect.FaultTarget;
import io.github.camelsmarthome.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The refresh of brief section 2.4 as the {@code TokenRefreshCall} of the refresher: rotation,
 * the errors that need a person (section 2.5), and the ones that are only transient.
 */
class TokenRefreshCallTest extends HomeConnectClientTestSupport {

    private OAuthTokens current() {
        return tokensOf(issued);
    }

    @Test
    void aRefreshRotatesTheRefreshTokenAndRetiresTheOldOne() {
        OAuthTokens renewed = resultOf(oauth.refresh(current()).toCompletableFuture());

        assertThat(renewed.accessToken()).isNotEqualTo(issued.accessToken());
        assertThat(renewed.refreshToken()).isNotBlank().isNotEqualTo(issued.refreshToken());
        assertThat(requestLines()).containsExactly("POST /security/oauth/token");

        Throwable reused = failureOf(oauth.refresh(current()).toCompletableFuture());
        assertThat(reused).isInstanceOf(RefreshRejectedException.class);
        assertThat(((RefreshRejectedException) reused).error()).isEqualTo("invalid_grant");
    }

    @Test
    void invalidGrantMovesTheRefresherToAuthorisationRequired() {
        List<AuthState> states = new CopyOnWriteArrayList<>();
        tokens.addListener((account, previous, now) -> states.add(now.state()));
        cloud.authorization().revokeRefreshTokens();

        Throwable failure = failureOf(tokens.refreshAfterRejection(issued.accessToken()));

        assertThat(failure).isInstanceOf(AuthorizationRequiredException.class).hasMessageContaining("invalid_grant");
        assertThat(tokens.status().state()).isEqualTo(AuthState.AUTH_REQUIRED);
        assertThat(states).containsExactly(AuthState.AUTH_REQUIRED);
        assertThat(requestLines()).containsExactly("POST /security/oauth/token");
    }

    @Test
    void aWrongClientSecretIsARejectionToo() {
        try (HomeConnectAuthorization wrongSecret = new HomeConnectAuthorization(vertx,
                HomeConnectOAuthOptions.of(cloud.baseUrl(), cloud.clientId(), "not-the-secret"))) {
            Throwable failure = failureOf(wrongSecret.refresh(current()).toCompletableFuture());
            assertThat(failure).isInstanceOf(RefreshRejectedException.class).hasMessageNotContaining("not-the-secret");
            assertThat(((RefreshRejectedException) failure).error()).isEqualTo("invalid_client");
        }
    }

    @Test
    void theSecretIsSentOnlyWhenConfigured() throws Exception {
        // Tokens from the authorization-code flow need the secret on refresh; the support's oauth has none.
        try (HomeConnectAuthorization withSecret = new HomeConnectAuthorization(vertx,
                HomeConnectOAuthOptions.of(cloud.baseUrl(), cloud.clientId(), cloud.clientSecret()))) {
            AuthorizationCodeRequest started = withSecret.beginAuthorizationCode(cloud.redirectUri());
            HttpResponse<String> redirect = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(started.authorizationUrl() + "&user=me")).build(), HttpResponse.BodyHandlers.ofString());
            OAuthTokens codeFlowTokens = resultOf(withSecret.exchangeCode(started,
                    redirect.headers().firstValue("Location").orElseThrow()));

            Throwable withoutSecret = failureOf(oauth.refresh(codeFlowTokens).toCompletableFuture());
            assertThat(((RefreshRejectedException) withoutSecret).error()).isEqualTo("invalid_client");
            assertThat(resultOf(withSecret.refresh(codeFlowTokens).toCompletableFuture()).accessToken()).isNotBlank();
        }
    }

    @Test
    void serverTroubleIsTransientNotARejection() {
        cloud.faults().failNext(FaultTarget.TOKEN_ENDPOINT, 503, 1);

        Throwable failure = failureOf(oauth.refresh(current()).toCompletableFuture());

        assertThat(failure).isInstanceOf(OAuthEndpointException.class).isNotInstanceOf(RefreshRejectedException.class);
        assertThat(((OAuthEndpointException) failure).httpStatus()).isEqualTo(503);
        assertThat(resultOf(oauth.refresh(current()).toCompletableFuture()).accessToken()).isNotBlank();
    }

    @Test
    void aTokenEndpoint429BlocksFurtherTokenCallsInTheBudget() {
        MutableClock clock = new MutableClock(Instant.now());
        RequestBudget tokenBudget = new RequestBudget("token-test", BudgetLimits.HOME_CONNECT, clock);
        try (HomeConnectAuthorization budgeted = new HomeConnectAuthorization(vertx,
                HomeConnectOAuthOptions.of(cloud.baseUrl(), cloud.clientId(), null), tokenBudget, clock)) {
            cloud.faults().rateLimitNext(FaultTarget.TOKEN_ENDPOINT, Duration.ofSeconds(30), 1);

            Throwable limited = failureOf(budgeted.refresh(current()).toCompletableFuture());
            assertThat(((OAuthEndpointException) limited).retryAfter()).hasValue(Duration.ofSeconds(30));
            assertThat(tokenBudget.remaining().tokenRequestsRemaining()).isZero();

            assertThat(failureOf(budgeted.refresh(current()).toCompletableFuture()))
                    .isInstanceOf(RequestBudgetRefusedException.class);
            assertThat(requestLines()).hasSize(1);

            clock.advance(Duration.ofSeconds(31));
            assertThat(resultOf(budgeted.refresh(current()).toCompletableFuture()).accessToken()).isNotBlank();
        }
    }

    @Test
    void noRefreshTokenMeansRejectionWithoutARequest() {
        OAuthTokens accessOnly = new OAuthTokens("access", null, Instant.now(), null, null, null);
        assertThat(failureOf(oauth.refresh(accessOnly).toCompletableFuture())).isInstanceOf(RefreshRejectedException.class);
        assertThat(cloud.requests().all()).isEmpty();
    }

    @Test
    void theAccountNameIsStableAndHidesTheClientId() {
        String name = HomeConnectAuthorization.accountName(cloud.clientId());
        assertThat(name).matches("homeconnect-[0-9a-f]{8}").isEqualTo(HomeConnectAuthorization.accountName(" " + cloud.clientId()));
        // sha256("abc") begins with ba7816bf; a change of derivation would orphan every stored token file.
        assertThat(HomeConnectAuthorization.accountName("abc")).isEqualTo("homeconnect-ba7816bf");
        assertThat(name).doesNotContain(cloud.clientId().substring(0, 8));
    }
}
