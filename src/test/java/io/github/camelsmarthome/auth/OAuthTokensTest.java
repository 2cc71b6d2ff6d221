package io.github.camelsmarthome.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Specification of the token set. */
class OAuthTokensTest {

    private static final Instant NOW = Instant.parse("2026-05-04T08:00:00Z");

    @Test
    void readsAHomeConnectTokenResponse() {
        Map<String, Object> response = Map.of("id_token", "jwt-value", "access_token", "jwt-value", "expires_in", 86400,
                "scope", "IdentifyAppliance Monitor Control Settings", "refresh_token", "opaque-refresh", "token_type", "Bearer");

        OAuthTokens tokens = OAuthTokens.fromTokenResponse(response, NOW);

        assertThat(tokens.accessToken()).isEqualTo("jwt-value");
        assertThat(tokens.refreshToken()).isEqualTo("opaque-refresh");
        assertThat(tokens.expiresAt()).isEqualTo(NOW.plusSeconds(86400));
        assertThat(tokens.scope()).isEqualTo("IdentifyAppliance Monitor Control Settings");
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.extras()).containsExactly(Map.entry("id_token", "jwt-value"));
    }

    @Test
    void readsExpiresInGivenAsText() {
        OAuthTokens tokens = OAuthTokens.fromTokenResponse(Map.of("access_token", "a", "expires_in", " 3600 "), NOW);

        assertThat(tokens.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(tokens.refreshToken()).isNull();
    }

    @Test
    void rejectsAResponseWithoutAccessTokenOrWithBrokenExpiryNamingOnlyTheField() {
        assertThatThrownBy(() -> OAuthTokens.fromTokenResponse(Map.of("refresh_token", "secret-r"), NOW))
                .hasMessageContaining("access_token").hasMessageNotContaining("secret-r");
        assertThatThrownBy(() -> OAuthTokens.fromTokenResponse(Map.of("access_token", "secret-a", "expires_in", "soon"), NOW))
                .hasMessageContaining("expires_in").hasMessageNotContaining("secret-a");
    }

    @Test
    void needsAtLeastOneToken() {
        assertThatThrownBy(() -> new OAuthTokens(null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsNoSecret() {
        OAuthTokens tokens = new OAuthTokens("access-secret", "refresh-secret", NOW, "Monitor", "Bearer",
                Map.of("id_token", "id-secret"));

        assertThat(tokens.toString())
                .doesNotContain("access-secret", "refresh-secret", "id-secret")
                .contains("[redacted]", "2026-05-04T08:00:00Z", "Monitor", "Bearer", "id_token");
    }

    @Test
    void judgesExpiryWithAMargin() {
        OAuthTokens tokens = new OAuthTokens("a", "r", NOW.plusSeconds(100), null, null, null);

        assertThat(tokens.isExpiredAt(NOW)).isFalse();
        assertThat(tokens.expiresWithin(Duration.ofSeconds(99), NOW)).isFalse();
        assertThat(tokens.expiresWithin(Duration.ofSeconds(100), NOW)).isTrue();
        assertThat(tokens.isExpiredAt(NOW.plusSeconds(100))).isTrue();
        assertThat(new OAuthTokens(null, "r", null, null, null, null).isExpiredAt(NOW)).isTrue();
        assertThat(new OAuthTokens("a", "r", null, null, null, null).expiresWithin(Duration.ofDays(999), NOW)).isFalse();
    }

    @Test
    void anUpdateKeepsWhatTheRefreshAnswerLeftOut() {
        OAuthTokens before = new OAuthTokens("a1", "r1", NOW, "Monitor", "Bearer", Map.of("user_id", "4711"));

        OAuthTokens after = before.updatedBy(new OAuthTokens("a2", null, NOW.plusSeconds(3600), null, null,
                Map.of("id_token", "i2")));

        assertThat(after).isEqualTo(new OAuthTokens("a2", "r1", NOW.plusSeconds(3600), "Monitor", "Bearer",
                Map.of("user_id", "4711", "id_token", "i2")));
    }

    @Test
    void dropsNullExtras() {
        Map<String, String> extras = new HashMap<>();
        extras.put("kept", "v");
        extras.put("dropped", null);

        assertThat(new OAuthTokens("a", null, null, null, null, extras).extras()).containsOnlyKeys("kept");
    }
}
