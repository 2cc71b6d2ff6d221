package io.github.camelsmarthome.simulator.simplisafe;

import static io.github.camelsmarthome.simulator.simplisafe.SimpliSafeHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Brief section 3.2: the authorization-code + PKCE flow of the iOS app, end to end. */
class AuthorizationCodeFlowTest extends SimpliSafeTestSupport {

    private final PkcePair pkce = PkcePair.create();

    @Test
    void theAuthorizeStepRedirectsToTheAppCallbackWithAFortyFiveCharacterCode() {
        HttpResponse<String> authorize = authorize(pkce.authorizeUrl(cloud.authUrl()));

        assertThat(authorize.statusCode()).isEqualTo(302);
        String location = authorize.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(MobileAppClient.REDIRECT_URI + "?code=");
        assertThat(codeOf(location)).hasSize(45).doesNotStartWith("=");
    }

    @Test
    void theRightVerifierGetsTokensShapedLikeTheFixtureAndTheTokenWorks() {
        String code = codeOf(authorize(pkce.authorizeUrl(cloud.authUrl())).headers().firstValue("Location").orElseThrow());

        HttpResponse<String> tokens = exchange(code, pkce.verifier());

        assertThat(tokens.statusCode()).isEqualTo(200);
        JsonNode body = json(tokens);
        assertThat(fieldNames(body)).containsExactlyElementsOf(fieldNames(SimpliSafeHttp.fixture("api_token_response.json")));
        assertThat(body.path("expires_in").asInt()).isEqualTo(3600);
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("scope").asText()).isEqualTo(SimpliSafeHttp.fixture("api_token_response.json").path("scope").asText());

        String accessToken = body.path("access_token").asText();
        JsonNode claims = jwtPart(accessToken, 1);
        assertThat(jwtPart(accessToken, 0).path("alg").asText()).isEqualTo("RS256");
        assertThat(jwtPart(accessToken, 0).has("kid")).isTrue();
        assertThat(claims.path("http://simplisafe.com/uid").asText()).isEqualTo("12345");
        assertThat(claims.path("sub").asText()).isEqualTo("auth0|ss-users|12345");
        assertThat(claims.path("azp").asText()).isEqualTo(MobileAppClient.CLIENT_ID);
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(3600);

        HttpResponse<String> authCheck = http.get("/api/authCheck", accessToken);
        assertThat(authCheck.statusCode()).isEqualTo(200);
        assertThat(json(authCheck)).isEqualTo(SimpliSafeHttp.fixture("auth_check_response.json"));
    }

    @Test
    void aWrongVerifierIsInvalidGrantWithTheFixtureBodyAndSpendsTheCode() {
        String code = codeOf(authorize(pkce.authorizeUrl(cloud.authUrl())).headers().firstValue("Location").orElseThrow());

        HttpResponse<String> refused = exchange(code, PkcePair.create().verifier());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(SimpliSafeHttp.fixtureBytes("invalid_authorization_code_response.json"));
        assertThat(exchange(code, pkce.verifier()).statusCode()).as("the code is single use").isEqualTo(403);
    }

    @Test
    void aCodeWorksOnceAndAMissingVerifierIsRefused() {
        String code = cloud.auth().completeLogin(pkce.authorizeUrl(cloud.authUrl()));
        assertThat(exchange(code, pkce.verifier()).statusCode()).isEqualTo(200);
        assertThat(exchange(code, pkce.verifier()).statusCode()).isEqualTo(403);

        String another = cloud.auth().completeLogin(pkce.authorizeUrl(cloud.authUrl()));
        HttpResponse<String> noVerifier = http.token(Map.of("grant_type", "authorization_code", "client_id", MobileAppClient.CLIENT_ID,
                "code", another, "redirect_uri", MobileAppClient.REDIRECT_URI));
        assertThat(json(noVerifier).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void theAuthorizeStepRefusesPlainPkceAndForeignClients() {
        String url = pkce.authorizeUrl(cloud.authUrl());
        assertThat(authorize(url.replace("code_challenge_method=S256", "code_challenge_method=plain")).statusCode()).isEqualTo(400);
        assertThat(authorize(url.replace(MobileAppClient.CLIENT_ID, "someWebAppClient")).statusCode()).isEqualTo(400);
        assertThatThrownBy(() -> cloud.auth().completeLogin(url.replace("&code_challenge=" + pkce.challenge(), "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("code_challenge");
    }

    @Test
    void withoutOfflineAccessThereIsNoRefreshToken() {
        String url = pkce.authorizeUrl(cloud.authUrl()).replace("scope=offline_access+", "scope=");
        String code = cloud.auth().completeLogin(url);

        JsonNode body = json(exchange(code, pkce.verifier()));

        assertThat(body.has("access_token")).isTrue();
        assertThat(body.has("refresh_token")).isFalse();
        assertThat(body.path("scope").asText()).doesNotContain("offline_access");
    }

    @Test
    void aFormEncodedExchangeIsAcceptedToo() {
        String code = cloud.auth().completeLogin(pkce.authorizeUrl(cloud.authUrl()));
        String form = "grant_type=authorization_code&client_id=" + MobileAppClient.CLIENT_ID + "&code_verifier=" + pkce.verifier()
                + "&code=" + code + "&redirect_uri=" + URLEncoder.encode(MobileAppClient.REDIRECT_URI, StandardCharsets.UTF_8);
        HttpResponse<String> tokens = SimpliSafeHttp.send(HttpRequest.newBuilder(URI.create(cloud.authUrl() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(tokens.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> authorize(String url) {
        return SimpliSafeHttp.send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private HttpResponse<String> exchange(String code, String verifier) {
        return http.token(Map.of("grant_type", "authorization_code", "client_id", MobileAppClient.CLIENT_ID,
                "code_verifier", verifier, "code", code, "redirect_uri", MobileAppClient.REDIRECT_URI));
    }

    static String codeOf(String location) {
        return location.substring(location.indexOf("code=") + 5).replaceFirst("&.*", "");
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static JsonNode jwtPart(String jwt, int index) {
        return json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8));
    }
}
