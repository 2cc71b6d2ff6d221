package io.github.camelsmarthome.simulator.simplisafe;

import static io.github.camelsmarthome.simulator.simplisafe.SimpliSafeHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.testing.MutableClock;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Brief sections 3.4 and 3.5: refresh, usually without a new refresh token; expiry; revocation. */
class TokenRefreshTest extends SimpliSafeTestSupport {

    private final MutableClock clock = new MutableClock();

    @Override
    protected SimpliSafeSimulatorOptions options() {
        return SimpliSafeSimulatorOptions.forTests().clock(clock).build();
    }

    @Test
    void byDefaultARefreshAnswersNoRefreshTokenAndTheOldOneKeepsWorking() {
        IssuedTokens login = cloud.auth().issueTokens();

        HttpResponse<String> first = http.refresh(login.refreshToken());
        HttpResponse<String> second = http.refresh(login.refreshToken());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first).has("refresh_token")).isFalse();
        assertThat(json(first).path("expires_in").asInt()).isEqualTo(3600);
        assertThat(second.statusCode()).isEqualTo(200);
        String refreshed = json(second).path("access_token").asText();
        assertThat(refreshed).isNotEqualTo(login.accessToken());
        assertThat(http.get("/api/authCheck", refreshed).statusCode()).isEqualTo(200);
    }

    @Test
    void withRotationTheAnswerCarriesANewRefreshTokenAndTheOldOneIsInvalid() {
        cloud.auth().setRotateRefreshTokens(true);
        IssuedTokens login = cloud.auth().issueTokens();

        JsonNode rotated = json(http.refresh(login.refreshToken()));
        HttpResponse<String> reused = http.refresh(login.refreshToken());

        assertThat(rotated.path("refresh_token").asText()).isNotBlank().isNotEqualTo(login.refreshToken());
        assertThat(reused.statusCode()).isEqualTo(403);
        assertThat(reused.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(SimpliSafeHttp.fixtureBytes("invalid_refresh_token_response.json"));
        assertThat(http.refresh(rotated.path("refresh_token").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void anAccessTokenExpiresAfterItsLifetimeAndARefreshRevivesTheClient() {
        IssuedTokens login = cloud.auth().issueTokens();
        assertThat(http.get("/api/authCheck", login.accessToken()).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(3600));

        HttpResponse<String> expired = http.get("/api/authCheck", login.accessToken());
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).isEqualTo("\"Unauthorized\"");
        String fresh = json(http.refresh(login.refreshToken())).path("access_token").asText();
        assertThat(http.get("/api/authCheck", fresh).statusCode()).isEqualTo(200);
    }

    @Test
    void theLifetimeIsConfigurable() {
        cloud.auth().setAccessTokenLifetime(Duration.ofSeconds(90));
        IssuedTokens login = cloud.auth().issueTokens();
        assertThat(login.expiresIn()).isEqualTo(90);

        clock.advance(Duration.ofSeconds(89));
        assertThat(http.get("/api/authCheck", login.accessToken()).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertThat(http.get("/api/authCheck", login.accessToken()).statusCode()).isEqualTo(401);
    }

    @Test
    void tokensCanBeExpiredEarlyOrRevokedLikeAfterAPasswordChange() {
        IssuedTokens login = cloud.auth().issueTokens();
        cloud.auth().expireAccessTokens();
        assertThat(http.get("/api/authCheck", login.accessToken()).statusCode()).isEqualTo(401);
        assertThat(http.refresh(login.refreshToken()).statusCode()).as("refresh still works").isEqualTo(200);

        cloud.auth().setInvalidGrantStatus(401);
        cloud.auth().revokeAllTokens();
        HttpResponse<String> revoked = http.refresh(login.refreshToken());
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(json(revoked).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(http.get("/api/authCheck", token).statusCode()).isEqualTo(401);
    }

    @Test
    void aRefreshForAnotherClientIsRefused() {
        IssuedTokens login = cloud.auth().issueTokens();
        HttpResponse<String> foreign = http.token(Map.of("grant_type", "refresh_token", "client_id", "web-app",
                "refresh_token", login.refreshToken()));
        assertThat(foreign.statusCode()).isEqualTo(401);
        assertThat(json(foreign).path("error").asText()).isEqualTo("invalid_client");
    }
}
