package io.github.camelsmarthome.simulator.simplisafe;

import static io.github.camelsmarthome.simulator.simplisafe.SimpliSafeHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Brief sections 10 and 11: the failures a client must survive, each for the next N requests. */
class RequestFaultsTest extends SimpliSafeTestSupport {

    private static final String SENSORS = "/ss3/subscriptions/12345/sensors?forceUpdate=true";

    @Test
    void unauthorizedForTheNextCallsThenBackToNormal() {
        cloud.faults().unauthorizedNext(2);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> refused = http.get(SENSORS, token);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).isEqualTo("\"Unauthorized\"");
        }
        assertThat(http.get(SENSORS, token).statusCode()).isEqualTo(200);
    }

    @Test
    void gatewayTimeoutsAnswerAnHtmlPageThatIsNotJson() {
        cloud.faults().gatewayTimeoutNext(1);
        HttpResponse<String> timeout = http.get(SENSORS, token);
        assertThat(timeout.statusCode()).isEqualTo(504);
        assertThat(timeout.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(timeout.body()).contains("504 Gateway Timeout");
        assertThat(http.get(SENSORS, token).statusCode()).isEqualTo(200);
    }

    @Test
    void planGatingAnswersNoRemoteManagementOnceOrForGood() {
        cloud.faults().noRemoteManagementNext(1);
        HttpResponse<String> gated = http.get(SENSORS, token);
        assertThat(gated.statusCode()).isEqualTo(403);
        assertThat(gated.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(SimpliSafeHttp.fixtureBytes("unavailable_endpoint_response.json"));

        cloud.system().setRemoteControlAllowed(false);
        assertThat(json(http.get(SENSORS, token)).path("type").asText()).isEqualTo("NoRemoteManagement");
        assertThat(http.post(v3("/state/away"), token, null).statusCode()).isEqualTo(403);
        var subscription = json(http.get("/users/12345/subscriptions", token)).path("subscriptions").path(0);
        assertThat(subscription.path("sStatus").asInt()).as("the state stays readable").isEqualTo(10);
        assertThat(subscription.path("subscriptionFeatures").path("remoteControl")).isEmpty();
    }

    @Test
    void tokenEndpointFaultsAnswerTheCloudsBodies() {
        IssuedTokens login = cloud.auth().issueTokens();

        cloud.faults().failNext(FaultTarget.TOKEN_ENDPOINT, 401);
        HttpResponse<String> quoted = http.refresh(login.refreshToken());
        assertThat(quoted.statusCode()).isEqualTo(401);
        assertThat(quoted.body()).isEqualTo("\"Unauthorized\"");

        cloud.faults().failNext(FaultTarget.TOKEN_ENDPOINT, 403);
        assertThat(http.refresh(login.refreshToken()).body().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(SimpliSafeHttp.fixtureBytes("invalid_refresh_token_response.json"));

        cloud.faults().failNext(FaultTarget.TOKEN_ENDPOINT, 503);
        assertThat(json(http.refresh(login.refreshToken())).path("error").asText()).isEqualTo("server_error");

        assertThat(http.refresh(login.refreshToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void slowAnswersOutlastAClientTimeoutAndAreLoggedUnanswered() {
        cloud.faults().delayNext(FaultTarget.REST, Duration.ofMillis(1200), 1);
        assertThatThrownBy(() -> SimpliSafeHttp.CLIENT.send(http.request(URI.create(cloud.apiUrl() + SENSORS), token)
                .timeout(Duration.ofMillis(200)).GET().build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        await().atMost(Duration.ofSeconds(3)).until(() -> cloud.requests().matching(r -> r.status() == 0).size() == 1);

        cloud.faults().delayAll(Duration.ofMillis(150));
        Instant before = Instant.now();
        http.get(SENSORS, token);
        http.get("/api/authCheck", token);
        assertThat(Duration.between(before, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        cloud.faults().clear();
    }

    @Test
    void aClosedConnectionGivesNoAnswer() {
        HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // Two: the JDK client retries an idempotent GET once when the connection closes unanswered.
        cloud.faults().closeConnectionNext(FaultTarget.REST, 2);
        assertThatThrownBy(() -> fresh.send(http.request(URI.create(cloud.apiUrl() + SENSORS), token).GET().build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        assertThat(cloud.requests().all()).isNotEmpty().allSatisfy(request -> assertThat(request.status()).isZero());
    }

    @Test
    void armingFaultsLeaveOtherCallsAloneAndRestFaultsCoverArming() {
        cloud.faults().failNext(FaultTarget.ARMING, 500);
        assertThat(http.get(SENSORS, token).statusCode()).isEqualTo(200);
        assertThat(http.post(v3("/state/home"), token, null).statusCode()).isEqualTo(500);

        cloud.faults().failNext(FaultTarget.REST, 502);
        assertThat(http.post(v3("/state/home"), token, null).statusCode()).isEqualTo(502);
        assertThat(http.post(v3("/state/home"), token, null).statusCode()).isEqualTo(200);
    }
}
