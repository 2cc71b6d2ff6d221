package io.github.camelsmarthome.homeconnect.api.stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.auth.RefreshRejectedException;
import io.github.camelsmarthome.auth.TokenRefreshCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** The refresh-token grant against the simulator's token endpoint, as the real OAuth client will send it. */
final class SimulatorTokenRefreshCall implements TokenRefreshCall {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String clientId;
    private final String clientSecret;

    SimulatorTokenRefreshCall(String baseUrl, String clientId, String clientSecret) {
        this.baseUrl = baseUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    @Override
    public CompletionStage<OAuthTokens> refresh(OAuthTokens current) {
        String form = "grant_type=refresh_token&refresh_token=" + encode(current.refreshToken()) + "&client_id="
                + encode(clientId) + "&client_secret=" + encode(clientSecret);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/security/oauth/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            Map<String, Object> body = parse(response.body());
            if (response.statusCode() == 200) {
                return OAuthTokens.fromTokenResponse(body, Instant.now());
            }
            if ("invalid_grant".equals(body.get("error"))) {
                throw new RefreshRejectedException("invalid_grant", String.valueOf(body.get("error_description")));
            }
            throw new IllegalStateException("token endpoint answered " + response.statusCode());
        });
    }

    private static Map<String, Object> parse(String body) {
        try {
            return JSON.readValue(body, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
