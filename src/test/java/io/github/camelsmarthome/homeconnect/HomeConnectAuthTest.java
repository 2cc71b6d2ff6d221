package io.github.camelsmarthome.homeconnect;

import java.time.Instant;
import java.util.Map;

import io.github.camelsmarthome.auth.AuthorizationRequiredException;
import io.github.camelsmarthome.auth.FileTokenStore;
import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.homeconnect.api.HomeConnectAuthorization;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold;
import io.github.camelsmarthome.simulator.homeconnect.TokenSet;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelsmarthome.homeconnect.HomeConnectConstants.ACCOUNT;
import static io.github.camelsmarthome.homeconnect.HomeConnectConstants.EVENT_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Given a running consumer, when the cloud revokes the account's refresh token (the BSH-side
 * invalidation of brief section 2.5) and ends the access tokens, the bridge says that a person
 * must authorise the account again: in the health check, to the routes, and to producer calls.
 */
class HomeConnectAuthTest extends HomeConnectComponentTestSupport {

    @BeforeEach
    void aConsumerIsConnected() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("homeconnect:events").routeId("events").to("mock:events");
            }
        });
        awaitStreamOpen();
        await().atMost(TIMEOUT).until(() -> consumerHealth("events").orElseThrow().getState() == HealthCheck.State.UP);
    }

    private void revokeTheAccountsTokens() {
        cloud.authorization().revokeRefreshTokens();
        cloud.authorization().expireAccessTokens();
    }

    @Test
    void aRevokedRefreshTokenTurnsTheHealthCheckDownSayingAuthorisationIsRequired() {
        revokeTheAccountsTokens();

        // The stream ends first (END_OF_STREAM, DOWN while it reconnects); the reopen finds the refresh refused.
        HealthCheck.Result down = await().atMost(TIMEOUT).until(() -> consumerHealth("events").orElseThrow(),
                result -> result.getMessage().orElse("").contains("AUTH_REQUIRED"));
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .containsIgnoringCase("authorisation required").contains("authorise the account again"));
    }

    @Test
    void aRevokedRefreshTokenSendsAnAuthRequiredEventToTheRoutes() {
        revokeTheAccountsTokens();

        Exchange authRequired = awaitExchange(mock("events"),
                exchange -> "auth_required".equals(exchange.getMessage().getHeader(EVENT_TYPE)));
        assertThat(authRequired.getMessage().getHeader(ACCOUNT)).isEqualTo(HomeConnectAuthorization.accountName(cloud.clientId()));
        assertThat(authRequired.getMessage().getBody(HomeConnectEvent.class).type()).isEqualTo("auth_required");
    }

    @Test
    void whileAuthorisationIsRequiredAProducerCallFailsAtOnceWithoutARequest() {
        revokeTheAccountsTokens();
        await().atMost(TIMEOUT).until(() -> consumerHealth("events").orElseThrow().getMessage().orElse("")
                .contains("AUTH_REQUIRED"));
        int requestsBefore = cloud.requests().count();

        Exchange answer = context.createProducerTemplate().request("homeconnect:getStatus?haId=" + SimulatedHousehold.WASHER,
                exchange -> { });

        assertThat(answer.getException()).isInstanceOf(AuthorizationRequiredException.class);
        assertThat(cloud.requests().count()).isEqualTo(requestsBefore);
    }

    @Test
    void afterAuthorizeHomeconnectHasWrittenNewTokensTheStreamResumes() throws Exception {
        revokeTheAccountsTokens();
        await().atMost(TIMEOUT).until(() -> consumerHealth("events").orElseThrow().getMessage().orElse("")
                .contains("AUTH_REQUIRED"));

        // What authorize homeconnect does from another process: log in again and write the token store.
        TokenSet fresh = cloud.authorization().issueTokens(scope());
        new FileTokenStore(stateDir).save(HomeConnectAuthorization.accountName(cloud.clientId()), new OAuthTokens(
                fresh.accessToken(), fresh.refreshToken(), Instant.now().plusSeconds(fresh.expiresIn()), fresh.scope(), "Bearer",
                Map.of()));

        await().atMost(TIMEOUT).until(() -> consumerHealth("events").orElseThrow().getState() == HealthCheck.State.UP);
    }
}
