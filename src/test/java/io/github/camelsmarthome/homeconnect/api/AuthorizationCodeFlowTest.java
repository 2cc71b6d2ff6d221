package io.github.camelsmarthome.homeconnect.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.auth.TokenRefresher;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The authorization-code flow of brief section 2.2 with state and PKCE S256: the browser step is
 * the fake cloud's {@code user=me} shortcut, everything else is the client's.
 */
class AuthorizationCodeFlowTest extends HomeConnectClientTestSupport {

    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HomeConnectAuthorization login;

    @BeforeEach
    void newLogin() {
        login = new HomeConnectAuthorization(vertx, HomeConnectOAuthOptions.of(cloud.baseUrl(), cloud.clientId(),
                cloud.clientSecret()));
    }

    @AfterEach
    void closeLogin() {
        login.close();
    }

    /** What the browser is sent back to after the user logged in and granted access. */
    private String browse(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = BROWSER.send(HttpRequest.newBuilder(URI.create(url + "&user=me")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static Map<String, String> queryOf(String url) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    @Test
    void theAuthorizeUrlCarriesStateAndAnS256Challenge() throws Exception {
        AuthorizationCodeRequest started = login.beginAuthorizationCode(cloud.redirectUri());

        assertThat(started.authorizationUrl()).startsWith(cloud.baseUrl() + "/security/oauth/authorize?")
                .contains("scope=IdentifyAppliance%20Monitor%20Control%20Settings");
        Map<String, String> query = queryOf(started.authorizationUrl());
        assertThat(query).containsEntry("client_id", cloud.clientId()).containsEntry("redirect_uri", cloud.redirectUri())
                .containsEntry("response_type", "code").containsEntry("state", started.state())
                .containsEntry("code_challenge_method", "S256");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(started.codeVerifier().getBytes(StandardCharsets.US_ASCII));
        assertThat(query.get("code_challenge")).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        assertThat(started.codeVerifier()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(started.toString()).doesNotContain(started.codeVerifier());
        assertThat(login.beginAuthorizationCode(cloud.redirectUri()).state()).isNotEqualTo(started.state());
    }

    @Test
    void theRedirectUrlIsExchangedForTokensThatWork() throws Exception {
        AuthorizationCodeRequest started = login.beginAuthorizationCode(cloud.redirectUri());
        String redirect = browse(started.authorizationUrl());

        OAuthTokens fresh = resultOf(login.exchangeCode(started, redirect));

        assertThat(fresh.accessToken()).isNotBlank();
        assertThat(fresh.refreshToken()).isNotBlank();
        store.save(ACCOUNT, fresh);
        tokens = TokenRefresher.builder(ACCOUNT, store, oauth).build();
        client.close();
        client = new HomeConnectClient(vertx, clientOptions(), tokens, budget);
        assertThat(call(HomeConnectRequest.of(HomeConnectOperation.listAppliances)).status()).isEqualTo(200);
    }

    @Test
    void aBareCodeIsAcceptedToo() throws Exception {
        AuthorizationCodeRequest started = login.beginAuthorizationCode(cloud.redirectUri());
        String code = queryOf(browse(started.authorizationUrl())).get("code");

        assertThat(resultOf(login.exchangeCode(started, code)).accessToken()).isNotBlank();
    }

    @Test
    void aRedirectOfAnotherLoginIsRefusedBeforeAnyExchange() throws Exception {
        AuthorizationCodeRequest mine = login.beginAuthorizationCode(cloud.redirectUri());
        AuthorizationCodeRequest other = login.beginAuthorizationCode(cloud.redirectUri());
        String redirect = browse(other.authorizationUrl());
        cloud.requests().clear();

        assertThat(failureOf(login.exchangeCode(mine, redirect))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("state does not match");
        assertThat(cloud.requests().all()).isEmpty();
    }

    @Test
    void aDeniedLoginIsReportedFromTheRedirect() {
        AuthorizationCodeRequest started = login.beginAuthorizationCode(cloud.redirectUri());

        Throwable failure = failureOf(login.exchangeCode(started, cloud.redirectUri()
                + "?error=access_denied&error_description=The+user+denied+access&state=" + started.state()));

        assertThat(failure).isInstanceOf(AuthorizationDeniedException.class).hasMessageContaining("The user denied access");
    }

    @Test
    void aWrongVerifierIsRefusedByTheTokenEndpoint() throws Exception {
        AuthorizationCodeRequest started = login.beginAuthorizationCode(cloud.redirectUri());
        String redirect = browse(started.authorizationUrl());
        AuthorizationCodeRequest tampered = new AuthorizationCodeRequest(started.authorizationUrl(), started.redirectUri(),
                started.state(), "x".repeat(43));

        Throwable failure = failureOf(login.exchangeCode(tampered, redirect));

        assertThat(failure).isInstanceOf(OAuthEndpointException.class);
        assertThat(((OAuthEndpointException) failure).error()).isEqualTo("invalid_grant");
        assertThat(failure.getMessage()).doesNotContain(queryOf(redirect).get("code")).doesNotContain("x".repeat(43));
    }
}
