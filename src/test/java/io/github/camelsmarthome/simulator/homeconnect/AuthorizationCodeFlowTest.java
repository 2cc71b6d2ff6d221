package io.github.camelsmarthome.simulator.homeconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Authorization-code flow of brief section 2.2, including the simulator's {@code user=me} shortcut (2.6). */
class AuthorizationCodeFlowTest extends SimulatorTestSupport {

    @Test
    void userMeRedirectsWithACodeAndTheStateThatTheTokenEndpointExchanges() {
        HttpResponse<String> redirect = authorize("&user=me&state=xyz%20123&scope=IdentifyAppliance%20Monitor%20Control");
        assertThat(redirect.statusCode()).isEqualTo(302);
        Map<String, String> query = queryOf(redirect);
        assertThat(redirect.headers().firstValue("Location")).get().asString().startsWith(SimulatorOptions.DEFAULT_REDIRECT_URI + "?");
        assertThat(query.get("state")).isEqualTo("xyz 123");
        assertThat(query.get("code")).isNotBlank();

        HttpResponse<String> exchanged = exchange(query.get("code"), SimulatorOptions.DEFAULT_REDIRECT_URI, null);
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        JsonNode tokens = SimulatorHttp.json(exchanged);
        assertThat(tokens.path("scope").asText()).isEqualTo("IdentifyAppliance Monitor Control");
        assertThat(http.get("/api/homeappliances", tokens.path("access_token").asText()).statusCode()).isEqualTo(200);

        HttpResponse<String> reused = exchange(query.get("code"), SimulatorOptions.DEFAULT_REDIRECT_URI, null);
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(SimulatorHttp.json(reused).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void withoutTheShortcutAGrantPagePostsTheDecision() {
        HttpResponse<String> page = authorize("&state=s1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/security/oauth/grant").contains("name=\"state\" value=\"s1\"");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", cloud.clientId());
        form.put("redirect_uri", SimulatorOptions.DEFAULT_REDIRECT_URI);
        form.put("scope", SimulatorOptions.DEFAULT_SCOPE);
        form.put("state", "s1");
        form.put("action", "approve");
        HttpResponse<String> approved = http.postForm("/security/oauth/grant", form);
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(queryOf(approved)).containsKey("code").containsEntry("state", "s1");

        form.put("action", "deny");
        HttpResponse<String> denied = http.postForm("/security/oauth/grant", form);
        assertThat(queryOf(denied)).containsEntry("error", "access_denied").containsEntry("state", "s1");
    }

    @Test
    void pkceS256BindsTheCodeToItsVerifier() throws Exception {
        String verifier = "a-verifier-that-is-long-enough-for-rfc-7636-0123456789";
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String code = queryOf(authorize("&user=me&code_challenge=" + challenge + "&code_challenge_method=S256")).get("code");
        HttpResponse<String> wrong = exchange(code, SimulatorOptions.DEFAULT_REDIRECT_URI, "another-verifier");
        assertThat(SimulatorHttp.json(wrong).path("error").asText()).isEqualTo("invalid_grant");

        String second = queryOf(authorize("&user=me&code_challenge=" + challenge + "&code_challenge_method=S256")).get("code");
        assertThat(exchange(second, SimulatorOptions.DEFAULT_REDIRECT_URI, verifier).statusCode()).isEqualTo(200);
    }

    @Test
    void redirectUrisAreMatchedExactlyAndRequiredAtTheTokenEndpoint() {
        HttpResponse<String> unregistered = http.send(HttpRequest.newBuilder(http.uri("/security/oauth/authorize?client_id="
                + cloud.clientId() + "&response_type=code&user=me&redirect_uri=http%3A%2F%2Fevil.example%2Fcb")).GET().build());
        assertThat(unregistered.statusCode()).isEqualTo(400);
        assertThat(SimulatorHttp.json(unregistered).path("error_description").asText())
                .isEqualTo("client or redirection URI not authorized");

        String code = queryOf(authorize("&user=me")).get("code");
        HttpResponse<String> mismatch = exchange(code, "http://localhost/other", null);
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(SimulatorHttp.json(mismatch).path("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void theClientSecretIsCheckedAndTheContentTypeMustBeAForm() {
        String code = queryOf(authorize("&user=me")).get("code");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("client_id", cloud.clientId());
        form.put("client_secret", "not-the-secret");
        form.put("redirect_uri", SimulatorOptions.DEFAULT_REDIRECT_URI);
        HttpResponse<String> wrongSecret = http.postForm("/security/oauth/token", form);
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(SimulatorHttp.json(wrongSecret).path("error").asText()).isEqualTo("invalid_client");
        assertThat(SimulatorHttp.json(wrongSecret).path("error_description").asText()).isEqualTo("client secret validation failed");

        HttpResponse<String> json = http.postForm("/security/oauth/token", form, "application/json");
        assertThat(json.statusCode()).isEqualTo(415);

        HttpResponse<String> unknownGrant = http.postForm("/security/oauth/token", Map.of("grant_type", "password"));
        assertThat(SimulatorHttp.json(unknownGrant).path("error").asText()).isEqualTo("unsupported_grant_type");
    }

    private HttpResponse<String> authorize(String extra) {
        String query = "?client_id=" + cloud.clientId() + "&response_type=code&redirect_uri="
                + SimulatorOptions.DEFAULT_REDIRECT_URI.replace(":", "%3A").replace("/", "%2F") + extra;
        return http.send(HttpRequest.newBuilder(http.uri("/security/oauth/authorize" + query)).GET().build());
    }

    private HttpResponse<String> exchange(String code, String redirectUri, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("client_id", cloud.clientId());
        form.put("client_secret", cloud.clientSecret());
        form.put("redirect_uri", redirectUri);
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return http.postForm("/security/oauth/token", form);
    }

    private static Map<String, String> queryOf(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return query;
    }
}
