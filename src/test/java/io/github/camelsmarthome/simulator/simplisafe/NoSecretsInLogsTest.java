package io.github.camelsmarthome.simulator.simplisafe;

import static io.github.camelsmarthome.simulator.simplisafe.SimpliSafeHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.testing.CapturedLogs;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Design rule 8: no token, code, verifier or password in a log line, whatever flow ran. */
class NoSecretsInLogsTest {

    @Test
    void loginRefreshRestAndSocketFlowsLogNoSecrets() {
        List<String> secrets = new ArrayList<>();
        String log;
        try (CapturedLogs logs = CapturedLogs.capture("io.github.camelsmarthome.simulator.simplisafe");
                SimpliSafeSimulator cloud = SimpliSafeSimulator.start(SimpliSafeSimulatorOptions.forTests().rotateRefreshTokens(true).build())) {
            SimpliSafeHttp http = new SimpliSafeHttp(cloud);
            PkcePair pkce = PkcePair.create();
            String location = SimpliSafeHttp.send(HttpRequest.newBuilder(URI.create(pkce.authorizeUrl(cloud.authUrl()))).GET().build())
                    .headers().firstValue("Location").orElseThrow();
            String code = AuthorizationCodeFlowTest.codeOf(location);
            String wrongVerifier = PkcePair.create().verifier();
            http.token(Map.of("grant_type", "authorization_code", "client_id", MobileAppClient.CLIENT_ID, "code_verifier", wrongVerifier,
                    "code", code, "redirect_uri", MobileAppClient.REDIRECT_URI));
            String goodCode = cloud.auth().completeLogin(pkce.authorizeUrl(cloud.authUrl()));
            JsonNode tokens = json(http.token(Map.of("grant_type", "authorization_code", "client_id", MobileAppClient.CLIENT_ID,
                    "code_verifier", pkce.verifier(), "code", goodCode, "redirect_uri", MobileAppClient.REDIRECT_URI)));
            JsonNode refreshed = json(http.refresh(tokens.path("refresh_token").asText()));
            http.refresh(tokens.path("refresh_token").asText());
            String accessToken = refreshed.path("access_token").asText();
            http.get("/api/authCheck", accessToken);
            http.get("/api/authCheck", "not-a-token");
            try (SocketProbe socket = SocketProbe.subscribed(cloud, accessToken)) {
                cloud.system().locks().unlock("987");
                socket.nextOfType("com.simplisafe.event.standard");
            }
            try (SocketProbe refused = SocketProbe.open(cloud)) {
                refused.identify(tokens.path("access_token").asText() + "x", 12345);
                refused.awaitEnd();
            }
            secrets.addAll(List.of(code, goodCode, wrongVerifier, pkce.verifier(), cloud.password(),
                    tokens.path("access_token").asText(), tokens.path("refresh_token").asText(), tokens.path("id_token").asText(),
                    accessToken, refreshed.path("refresh_token").asText()));
            log = logs.allText();
        }

        assertThat(log).as("the flows were logged at all").contains("Issued tokens", "Refreshed", "identified", "refused");
        assertThat(secrets).allSatisfy(secret -> assertThat(log).doesNotContain(secret));
    }
}
