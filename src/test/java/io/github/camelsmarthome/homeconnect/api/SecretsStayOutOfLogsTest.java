package io.github.camelsmarthome.homeconnect.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.simulator.homeconnect.FaultTarget;
import io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold;
import io.github.camelsmarthome.testing.CapturedLogs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

/**
 * No token, code, verifier or client secret in any log line at any level (DEBUG and TRACE
 * included), in any exception message or in any {@code toString}, through logins, renewals,
 * refusals and failures (design section 8).
 */
class SecretsStayOutOfLogsTest extends HomeConnectClientTestSupport {

    @Override
    protected HomeConnectClientOptions clientOptions() {
        return super.clientOptions().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400));
    }

    @Test
    void aWholeLifeCycleLeavesNoSecretBehind() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(issued.accessToken(), issued.refreshToken(), cloud.clientSecret()));
        List<String> visible = new ArrayList<>();
        try (CapturedLogs logs = CapturedLogs.capture("io.github.camelsmarthome");
                CapturedLogs vertxLogs = CapturedLogs.capture("io.vertx")) {
            HomeConnectOAuthOptions options = HomeConnectOAuthOptions.of(cloud.baseUrl(), cloud.clientId(), cloud.clientSecret())
                    .withPolling(Duration.ofMillis(20), Duration.ofMillis(20));
            visible.add(options.toString());
            try (HomeConnectAuthorization login = new HomeConnectAuthorization(vertx, options)) {
                cloud.authorization().setAutoApproveDeviceCodes(true, 1);
                DeviceAuthorization device = resultOf(login.startDeviceAuthorization());
                secrets.add(device.deviceCode());
                visible.add(device.toString());
                OAuthTokens deviceTokens = resultOf(login.awaitDeviceApproval(device, null));
                secrets.add(deviceTokens.accessToken());
                secrets.add(deviceTokens.refreshToken());
                visible.add(deviceTokens.toString());

                AuthorizationCodeRequest code = login.beginAuthorizationCode(cloud.redirectUri());
                secrets.add(code.codeVerifier());
                visible.add(code.toString());
                String redirect = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(code.authorizationUrl()
                        + "&user=me")).build(), HttpResponse.BodyHandlers.ofString()).headers().firstValue("Location").orElseThrow();
                secrets.add(redirect.substring(redirect.indexOf("code=") + 5, redirect.indexOf('&', redirect.indexOf("code="))));
                OAuthTokens codeTokens = resultOf(login.exchangeCode(code, redirect));
                secrets.add(codeTokens.accessToken());
                secrets.add(codeTokens.refreshToken());
                visible.add(messageOf(login.exchangeCode(code, redirect)));

                try (HomeConnectAuthorization wrong = new HomeConnectAuthorization(vertx,
                        HomeConnectOAuthOptions.of(cloud.baseUrl(), cloud.clientId(), "wrong-secret-4c1d9e"))) {
                    secrets.add("wrong-secret-4c1d9e");
                    visible.add(messageOf(wrong.refresh(codeTokens).toCompletableFuture()));
                }
            }

            String washer = SimulatedHousehold.WASHER;
            cloud.authorization().expireAccessTokens();
            visible.add(call(HomeConnectRequest.of(HomeConnectOperation.getStatus, washer)).toString());
            OAuthTokens renewed = store.load(ACCOUNT).orElseThrow();
            secrets.add(renewed.accessToken());
            secrets.add(renewed.refreshToken());
            cloud.faults().failNext(FaultTarget.REST, 401, 2);
            visible.add(messageOf(client.execute(HomeConnectRequest.of(HomeConnectOperation.getSettings, washer))));
            cloud.faults().failNext(FaultTarget.REST, 503, 3);
            visible.add(messageOf(client.execute(HomeConnectRequest.of(HomeConnectOperation.getSettings, washer))));
            cloud.faults().delayNext(FaultTarget.REST, Duration.ofSeconds(2), 1);
            visible.add(messageOf(client.execute(HomeConnectRequest.of(HomeConnectOperation.getSettings, washer))));
            cloud.household().washer().setRemoteControl(true, false);
            visible.add(messageOf(client.execute(HomeConnectRequest.builder(HomeConnectOperation.startProgram).haId(washer)
                    .data(json("{\"key\":\"LaundryCare.Washer.Program.Cotton\"}")).build())));
            cloud.faults().rateLimitNext(FaultTarget.REST, Duration.ofSeconds(60), 1);
            visible.add(messageOf(client.execute(HomeConnectRequest.of(HomeConnectOperation.getSettings, washer))));
            visible.add(messageOf(client.execute(HomeConnectRequest.of(HomeConnectOperation.getSettings, washer))));
            OAuthTokens latest = store.load(ACCOUNT).orElseThrow();
            secrets.add(latest.accessToken());
            secrets.add(latest.refreshToken());
            cloud.authorization().revokeRefreshTokens();
            visible.add(messageOf(tokens.refreshAfterRejection(latest.accessToken())));
            visible.add(tokens.status().detail());
            visible.add(client.toString());

            assertThat(logs.atLevel(Level.DEBUG)).as("DEBUG lines were captured").isNotEmpty();
            String everything = logs.allText() + "\n" + vertxLogs.allText() + "\n" + String.join("\n", visible);
            for (String secret : secrets) {
                assertThat(secret).isNotBlank();
                assertThat(everything).as("a secret leaked").doesNotContain(secret);
            }
            assertThat(everything).doesNotContainIgnoringCase("bearer ey");
        }
    }

    private static String messageOf(CompletableFuture<?> future) {
        Throwable failure = failureOf(future);
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(cause).append('\n');
        }
        return text.toString();
    }
}
