package io.github.camelsmarthome.simulator.homeconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bearer checks, expiry, refresh rotation and {@code invalid_grant} (brief sections 2.4, 2.5 and 6). */
class TokenLifecycleTest extends SimulatorTestSupport {

    @Test
    void everyApiCallNeedsABearerToken() {
        HttpResponse<String> missing = http.get("/api/homeappliances", null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(SimulatorHttp.json(missing).path("error").path("key").asText()).isEqualTo("invalid_token");

        HttpResponse<String> malformed = http.get("/api/homeappliances/" + SimulatedHousehold.WASHER + "/status", "not-a-token");
        assertThat(malformed.statusCode()).isEqualTo(401);
        assertThat(SimulatorHttp.json(malformed).path("error").path("description").asText()).isEqualTo("The provided token is malformed.");

        HttpResponse<String> stream = http.getAccepting("/api/homeappliances/events", null, "text/event-stream");
        assertThat(stream.statusCode()).isEqualTo(401);
    }

    @Test
    void anExpiredAccessTokenIsRefusedWithInvalidToken() {
        cloud.authorization().setAccessTokenLifetime(Duration.ofMillis(400));
        TokenSet tokens = cloud.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE);
        assertThat(tokens.expiresIn()).isEqualTo(1);
        assertThat(http.get("/api/homeappliances", tokens.accessToken()).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> http.get("/api/homeappliances", tokens.accessToken()).statusCode() == 401);
        JsonNode error = SimulatorHttp.json(http.get("/api/homeappliances", tokens.accessToken())).path("error");
        assertThat(error.path("key").asText()).isEqualTo("invalid_token");
        assertThat(error.path("description").asText()).isEqualTo("The access token expired");
    }

    @Test
    void expiringTokensOnDemandTakesEffectAtOnce() {
        TokenSet tokens = cloud.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE);
        cloud.authorization().expireAccessTokens();
        assertThat(http.get("/api/homeappliances", tokens.accessToken()).statusCode()).isEqualTo(401);
    }

    @Test
    void refreshRotatesTheRefreshTokenAndRetiresTheOldOne() {
        TokenSet first = deviceLogin();
        HttpResponse<String> refreshed = refresh(first.refreshToken());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode second = SimulatorHttp.json(refreshed);
        assertThat(second.path("refresh_token").asText()).isNotEqualTo(first.refreshToken());
        assertThat(second.path("access_token").asText()).isNotEqualTo(first.accessToken());
        assertThat(http.get("/api/homeappliances", second.path("access_token").asText()).statusCode()).isEqualTo(200);

        HttpResponse<String> replayed = refresh(first.refreshToken());
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(SimulatorHttp.json(replayed).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(SimulatorHttp.json(replayed).has("error_description")).isTrue();
        assertThat(SimulatorHttp.json(replayed).has("key")).as("plain OAuth JSON, not the API envelope").isFalse();

        assertThat(refresh(second.path("refresh_token").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void revokedRefreshTokensAreInvalidGrant() {
        TokenSet tokens = deviceLogin();
        cloud.authorization().revokeRefreshTokens();
        HttpResponse<String> refused = refresh(tokens.refreshToken());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(SimulatorHttp.json(refused).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(SimulatorHttp.json(refresh("never-issued")).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void refreshMayNarrowTheScope() {
        TokenSet tokens = deviceLogin();
        HttpResponse<String> narrowed = http.postForm("/security/oauth/token", Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.refreshToken(), "scope", "IdentifyAppliance Monitor"));
        assertThat(SimulatorHttp.json(narrowed).path("scope").asText()).isEqualTo("IdentifyAppliance Monitor");
        String token = SimulatorHttp.json(narrowed).path("access_token").asText();
        HttpResponse<String> settings = http.get("/api/homeappliances/" + SimulatedHousehold.WASHER + "/settings", token);
        assertThat(settings.statusCode()).isEqualTo(403);
        assertThat(SimulatorHttp.json(settings).path("error").path("key").asText()).isEqualTo("insufficient_scope");
    }

    @Test
    void tokensFromTheCodeFlowNeedTheSecretToRefresh() {
        String location = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/security/oauth/authorize?client_id="
                + cloud.clientId() + "&response_type=code&user=me")).GET().build()).headers().firstValue("Location").orElseThrow();
        String code = location.substring(location.indexOf("code=") + 5);
        JsonNode tokens = SimulatorHttp.json(http.postForm("/security/oauth/token", Map.of("grant_type", "authorization_code",
                "code", code, "client_id", cloud.clientId(), "client_secret", cloud.clientSecret(),
                "redirect_uri", cloud.redirectUri())));
        HttpResponse<String> withoutSecret = refresh(tokens.path("refresh_token").asText());
        assertThat(withoutSecret.statusCode()).isEqualTo(401);
        assertThat(SimulatorHttp.json(withoutSecret).path("error").asText()).isEqualTo("invalid_client");

        HttpResponse<String> withSecret = http.postForm("/security/oauth/token", Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.path("refresh_token").asText(), "client_secret", cloud.clientSecret()));
        assertThat(withSecret.statusCode()).isEqualTo(200);
    }

    private TokenSet deviceLogin() {
        cloud.authorization().setAutoApproveDeviceCodes(true, 0);
        JsonNode started = SimulatorHttp.json(http.postForm("/security/oauth/device_authorization", Map.of("client_id", cloud.clientId())));
        JsonNode tokens = SimulatorHttp.json(http.postForm("/security/oauth/token", Map.of("grant_type", "device_code",
                "device_code", started.path("device_code").asText(), "client_id", cloud.clientId())));
        return new TokenSet(tokens.path("access_token").asText(), tokens.path("refresh_token").asText(),
                tokens.path("expires_in").asLong(), tokens.path("scope").asText());
    }

    private HttpResponse<String> refresh(String refreshToken) {
        return http.postForm("/security/oauth/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }
}
