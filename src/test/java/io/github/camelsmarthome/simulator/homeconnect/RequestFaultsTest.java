package io.github.camelsmarthome.simulator.homeconnect;

import static io.github.camelsmarthome.simulator.homeconnect.SimulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One-shot request faults: error answers, 401, 429 with Retry-After, slow answers, closed connections. */
class RequestFaultsTest extends SimulatorTestSupport {

    private static final String STATUS = "/api/homeappliances/" + SimulatedHousehold.WASHER + "/status";

    @Test
    void serverFailuresCarryBshStyleKeysAndAreOneShot() {
        cloud.faults().failNext(FaultTarget.API, 504, 2);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> failed = http.get(STATUS, token);
            assertThat(failed.statusCode()).isEqualTo(504);
            assertThat(json(failed).path("error").path("key").asText()).isEqualTo("SDK.Error.504.GatewayTimeout");
            assertThat(json(failed).path("error").path("description").asText())
                    .isEqualTo("Timeout on Home Connect subsystem. Please try it again.");
        }
        assertThat(http.get(STATUS, token).statusCode()).isEqualTo(200);

        cloud.faults().failNext(FaultTarget.REST, 503);
        assertThat(http.get(STATUS, token).statusCode()).isEqualTo(503);
        cloud.faults().failNext(FaultTarget.REST, 500);
        assertThat(http.get(STATUS, token).statusCode()).isEqualTo(500);
    }

    @Test
    void faultsOnlyHitTheirTarget() {
        cloud.faults().failNext(FaultTarget.EVENT_STREAM, 500);
        assertThat(http.get(STATUS, token).statusCode()).isEqualTo(200);
        try (SseTestStream stream = SseTestStream.open(cloud, "/api/homeappliances/events", token)) {
            assertThat(stream.status()).isEqualTo(500);
        }
    }

    @Test
    void rateLimitAndUnauthorizedAnswers() {
        cloud.faults().rateLimitNext(FaultTarget.REST, Duration.ofSeconds(120), 1);
        HttpResponse<String> limited = http.get(STATUS, token);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("120");
        assertThat(json(limited).path("error").path("key").asText()).isEqualTo("429");
        assertThat(json(limited).path("error").path("description").asText()).contains("remaining period of 120 seconds");

        cloud.faults().unauthorizedNext(FaultTarget.REST);
        HttpResponse<String> unauthorized = http.get(STATUS, token);
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(json(unauthorized).path("error").path("key").asText()).isEqualTo("invalid_token");
        assertThat(http.get(STATUS, token).statusCode()).isEqualTo(200);
    }

    @Test
    void aSlowAnswerOutlastsAClientTimeoutAndIsLoggedUnanswered() {
        cloud.faults().delayNext(FaultTarget.REST, Duration.ofMillis(1500), 1);
        assertThatThrownBy(() -> SimulatorHttp.CLIENT.send(http.request(STATUS, token).timeout(Duration.ofMillis(300))
                .header("Accept", SimulatorHttp.BSH_JSON).GET().build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        await().atMost(Duration.ofSeconds(3)).until(() -> cloud.requests().matching(r -> r.status() == 0).size() == 1);

        cloud.faults().delayNext(FaultTarget.REST, Duration.ofMillis(300), 1);
        Instant before = Instant.now();
        assertThat(http.get(STATUS, token).statusCode()).isEqualTo(200);
        assertThat(Duration.between(before, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void everyRequestCanBeSlowedDown() {
        cloud.faults().delayAll(Duration.ofMillis(200));
        Instant before = Instant.now();
        http.get(STATUS, token);
        http.get(STATUS, token);
        assertThat(Duration.between(before, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        cloud.faults().clear();
    }

    @Test
    void aClosedConnectionGivesTheClientNoAnswer() {
        HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // Two, because the JDK client retries a GET once when the connection closes before an answer.
        cloud.faults().closeConnectionNext(FaultTarget.REST, 2);
        assertThatThrownBy(() -> fresh.send(http.request(STATUS, token).GET().build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(cloud.requests().all()).isNotEmpty().allSatisfy(request -> assertThat(request.status()).isZero());
    }

    @Test
    void tokenEndpointFaultsAnswerInOAuthJson() {
        TokenSet tokens = cloud.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE);
        Map<String, String> refresh = Map.of("grant_type", "refresh_token", "refresh_token", tokens.refreshToken());

        cloud.faults().failNext(FaultTarget.TOKEN_ENDPOINT, 400);
        HttpResponse<String> invalidGrant = http.postForm("/security/oauth/token", refresh);
        assertThat(invalidGrant.statusCode()).isEqualTo(400);
        assertThat(json(invalidGrant).path("error").asText()).isEqualTo("invalid_grant");

        cloud.faults().failNext(FaultTarget.TOKEN_ENDPOINT, 503);
        assertThat(json(http.postForm("/security/oauth/token", refresh)).path("error").asText()).isEqualTo("temporarily_unavailable");

        cloud.faults().rateLimitNext(FaultTarget.TOKEN_ENDPOINT, Duration.ofSeconds(30), 1);
        HttpResponse<String> limited = http.postForm("/security/oauth/token", refresh);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("30");

        assertThat(http.postForm("/security/oauth/token", refresh).statusCode()).isEqualTo(200);
        assertThat(http.get(STATUS, token).statusCode()).as("API unaffected").isEqualTo(200);
    }
}
