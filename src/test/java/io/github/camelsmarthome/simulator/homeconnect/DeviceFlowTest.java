package io.github.camelsmarthome.simulator.homeconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Device flow of brief section 2.3 against the simulator, with a plain HTTP client. */
class DeviceFlowTest extends SimulatorTestSupport {

    @Test
    void pendingUntilTheUserApprovesThenTokensThatOpenTheApi() {
        List<DeviceAuthorizationRequest> shown = new CopyOnWriteArrayList<>();
        cloud.authorization().onDeviceAuthorization(shown::add);

        JsonNode started = startDeviceLogin("IdentifyAppliance Monitor");
        assertThat(started.path("device_code").asText()).isNotBlank();
        assertThat(started.path("user_code").asText()).matches("[A-Z]{4}-[A-Z]{4}");
        assertThat(started.path("verification_uri").asText()).isEqualTo(cloud.baseUrl() + "/security/oauth/device");
        assertThat(started.path("verification_uri_complete").asText())
                .isEqualTo(cloud.baseUrl() + "/security/oauth/device?user_code=" + started.path("user_code").asText());
        assertThat(started.path("expires_in").asLong()).isEqualTo(300);
        assertThat(started.has("interval")).isTrue();
        assertThat(shown).extracting(DeviceAuthorizationRequest::userCode).containsExactly(started.path("user_code").asText());

        HttpResponse<String> pending = poll(started);
        assertThat(pending.statusCode()).isEqualTo(400);
        assertThat(SimulatorHttp.json(pending).path("error").asText()).isEqualTo("authorization_pending");

        assertThat(cloud.approveDeviceCode(started.path("user_code").asText().toLowerCase())).isTrue();
        HttpResponse<String> granted = poll(started);
        assertThat(granted.statusCode()).isEqualTo(200);
        assertThat(granted.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        JsonNode tokens = SimulatorHttp.json(granted);
        assertThat(tokens.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(tokens.path("id_token").asText()).isEqualTo(tokens.path("access_token").asText());
        assertThat(tokens.path("access_token").asText().split("\\.")).hasSize(3);
        assertThat(tokens.path("refresh_token").asText()).isNotBlank();
        assertThat(tokens.path("expires_in").asLong()).isEqualTo(86_400);
        assertThat(tokens.path("scope").asText()).isEqualTo("IdentifyAppliance Monitor");

        assertThat(http.get("/api/homeappliances", tokens.path("access_token").asText()).statusCode()).isEqualTo(200);
        // The device code is used up once it produced tokens.
        assertThat(SimulatorHttp.json(poll(started)).path("error").asText()).isEqualTo("expired_token");
    }

    @Test
    void pollingFasterThanTheIntervalIsToldToSlowDown() {
        cloud.authorization().setDeviceCodePollInterval(Duration.ofSeconds(5));
        JsonNode started = startDeviceLogin(null);
        assertThat(started.path("interval").asLong()).isEqualTo(5);

        assertThat(SimulatorHttp.json(poll(started)).path("error").asText()).isEqualTo("authorization_pending");
        HttpResponse<String> tooFast = poll(started);
        assertThat(tooFast.statusCode()).isEqualTo(400);
        assertThat(SimulatorHttp.json(tooFast).path("error").asText()).isEqualTo("slow_down");
    }

    @Test
    void aDeniedLoginIsAccessDenied() {
        JsonNode started = startDeviceLogin(null);
        assertThat(cloud.authorization().denyDeviceCode(started.path("user_code").asText())).isTrue();
        JsonNode answer = SimulatorHttp.json(poll(started));
        assertThat(answer.path("error").asText()).isEqualTo("access_denied");
        assertThat(answer.has("error_description")).isTrue();
    }

    @Test
    void anExpiredDeviceCodeIsExpiredToken() {
        cloud.authorization().setDeviceCodeLifetime(Duration.ofMillis(300));
        JsonNode started = startDeviceLogin(null);
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> "expired_token".equals(SimulatorHttp.json(poll(started)).path("error").asText()));
        assertThat(cloud.approveDeviceCode(started.path("user_code").asText())).isFalse();
    }

    @Test
    void autoApprovalAnswersTheConfiguredNumberOfPendingPollsFirst() {
        cloud.authorization().setAutoApproveDeviceCodes(true, 2);
        JsonNode started = startDeviceLogin(null);
        assertThat(SimulatorHttp.json(poll(started)).path("error").asText()).isEqualTo("authorization_pending");
        assertThat(SimulatorHttp.json(poll(started)).path("error").asText()).isEqualTo("authorization_pending");
        HttpResponse<String> granted = poll(started);
        assertThat(granted.statusCode()).isEqualTo(200);
        assertThat(SimulatorHttp.json(granted).path("scope").asText()).isEqualTo(SimulatorOptions.DEFAULT_SCOPE);
    }

    @Test
    void theVerificationPageApprovesByUserCode() {
        JsonNode started = startDeviceLogin(null);
        HttpResponse<String> page = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(started.path("verification_uri_complete").asText())).GET().build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(started.path("user_code").asText());

        HttpResponse<String> approved = http.postForm("/security/oauth/device",
                Map.of("user_code", started.path("user_code").asText(), "action", "approve"));
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(poll(started).statusCode()).isEqualTo(200);
    }

    @Test
    void formEncodingIsRequiredAndClientsMustBeKnown() {
        HttpResponse<String> json = http.postForm("/security/oauth/device_authorization",
                Map.of("client_id", cloud.clientId()), "application/json");
        assertThat(json.statusCode()).isEqualTo(415);

        HttpResponse<String> unknown = http.postForm("/security/oauth/device_authorization", Map.of("client_id", "nobody"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(SimulatorHttp.json(unknown).path("error").asText()).isEqualTo("unauthorized_client");
        assertThat(SimulatorHttp.json(unknown).path("error_description").asText()).isEqualTo("Invalid client id");

        JsonNode started = startDeviceLogin(null);
        HttpResponse<String> wrongSecret = http.postForm("/security/oauth/token", Map.of(
                "grant_type", "device_code", "device_code", started.path("device_code").asText(),
                "client_id", cloud.clientId(), "client_secret", "wrong"));
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(SimulatorHttp.json(wrongSecret).path("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void anAppRegisteredForTheCodeFlowOnlyMayNotUseTheDeviceFlow() {
        cloud.authorization().registerClient(new OAuthClientRegistration("code-only", "secret",
                List.of("http://localhost/cb"), false, true));
        HttpResponse<String> refused = http.postForm("/security/oauth/device_authorization", Map.of("client_id", "code-only"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(SimulatorHttp.json(refused).path("error_description").asText())
                .isEqualTo("client not authorized for this oauth flow (grant_type)");
    }

    private JsonNode startDeviceLogin(String scope) {
        Map<String, String> form = scope == null ? Map.of("client_id", cloud.clientId())
                : Map.of("client_id", cloud.clientId(), "scope", scope);
        HttpResponse<String> response = http.postForm("/security/oauth/device_authorization", form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return SimulatorHttp.json(response);
    }

    private HttpResponse<String> poll(JsonNode started) {
        return http.postForm("/security/oauth/token", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "device_code", started.path("device_code").asText(), "client_id", cloud.clientId()));
    }
}
