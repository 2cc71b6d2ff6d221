package io.github.camelsmarthome.simulator.homeconnect;

import static io.github.camelsmarthome.simulator.homeconnect.SimulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The quotas of brief section 7, shrunk so each is reached in a few calls. */
class RateLimitTest {

    private static final String STATUS = "/api/homeappliances/" + SimulatedHousehold.WASHER + "/status";
    private static final String ACTIVE = "/api/homeappliances/" + SimulatedHousehold.WASHER + "/programs/active";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private HomeConnectSimulator cloud;
    private SimulatorHttp http;
    private String token;

    private void startCloud(RateLimits limits) {
        cloud = HomeConnectSimulator.start(SimulatorOptions.forTests().rateLimits(limits).build());
        http = new SimulatorHttp(cloud);
        token = cloud.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE).accessToken();
    }

    @AfterEach
    void stopCloud() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void thePerMinuteLimitBlocksEveryCallForItsBlockTime() {
        startCloud(RateLimits.unlimited().withPerMinute(new RateLimits.Quota(5, MINUTE, MINUTE, "calls")));
        for (int i = 0; i < 5; i++) {
            assertThat(http.get(STATUS, token).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> blocked = http.get(STATUS, token);
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(json(blocked).path("error").path("key").asText()).isEqualTo("429");
        assertThat(json(blocked).path("error").path("description").asText())
                .startsWith("The rate limit \"5 calls in 1 minute\" was reached. Requests are blocked during the remaining period of");
        assertThat(Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow())).isBetween(58L, 60L);
        assertThat(http.get("/api/homeappliances", token).statusCode()).isEqualTo(429);
        assertThat(cloud.quota().callsToday(cloud.clientId())).isEqualTo(5);
    }

    @Test
    void theDailyLimitBlocksUntilTheWindowEnds() {
        startCloud(RateLimits.unlimited().withDaily(new RateLimits.Quota(3, Duration.ofDays(1), null, "calls")));
        for (int i = 0; i < 3; i++) {
            http.get(STATUS, token);
        }
        HttpResponse<String> blocked = http.get(STATUS, token);
        assertThat(json(blocked).path("error").path("description").asText()).contains("\"3 calls in 1 day\"");
        assertThat(Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow())).isBetween(86_390L, 86_400L);
    }

    @Test
    void theTokenBucketAllowsABurstThenAsksToWait() {
        startCloud(RateLimits.unlimited().withPerSecond(1, 3));
        for (int i = 0; i < 3; i++) {
            assertThat(http.get(STATUS, token).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> blocked = http.get(STATUS, token);
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).hasValue("1");
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.get(STATUS, token).statusCode() == 200);
    }

    @Test
    void successiveErrorsLockEverythingAndASuccessResetsTheCount() {
        startCloud(RateLimits.unlimited().withSuccessiveErrors(
                new RateLimits.Quota(3, Duration.ofMinutes(10), Duration.ofMinutes(10), "successive error calls")));
        assertThat(http.get(ACTIVE, token).statusCode()).isEqualTo(404);
        assertThat(http.get(ACTIVE, token).statusCode()).isEqualTo(404);
        assertThat(http.get(STATUS, token).statusCode()).isEqualTo(200);
        assertThat(http.get(ACTIVE, token).statusCode()).isEqualTo(404);
        assertThat(http.get(ACTIVE, token).statusCode()).isEqualTo(404);
        assertThat(http.get(ACTIVE, token).statusCode()).isEqualTo(404);
        HttpResponse<String> locked = http.get(STATUS, token);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(json(locked).path("error").path("description").asText()).contains("\"3 successive error calls in 10 minutes\"");
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(598L, 600L);
    }

    @Test
    void programStartsHaveTheirOwnLimitThatLeavesOtherCallsAlone() {
        startCloud(RateLimits.unlimited().withProgramQuotas(new RateLimits.Quota(1, MINUTE, MINUTE, "program starts"),
                new RateLimits.Quota(5, MINUTE, MINUTE, "program stops")));
        String cotton = "{\"data\":{\"key\":\"LaundryCare.Washer.Program.Cotton\"}}";
        assertThat(http.put(ACTIVE, token, cotton).statusCode()).isEqualTo(204);
        assertThat(http.delete(ACTIVE, token).statusCode()).isEqualTo(204);
        HttpResponse<String> second = http.put(ACTIVE, token, cotton);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(json(second).path("error").path("description").asText()).contains("\"1 program starts in 1 minute\"");
        assertThat(http.get(STATUS, token).statusCode()).isEqualTo(200);
    }

    @Test
    void eventChannelsAreLimitedAndAClosedOneLingers() {
        startCloud(RateLimits.unlimited().withEventChannels(1, Duration.ofMillis(600)));
        try (SseTestStream first = SseTestStream.open(cloud, "/api/homeappliances/events", token);
             SseTestStream second = SseTestStream.open(cloud, "/api/homeappliances/events", token)) {
            assertThat(first.status()).isEqualTo(200);
            assertThat(second.status()).isEqualTo(429);
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> cloud.events().openStreamCount() == 0);
        try (SseTestStream right = SseTestStream.open(cloud, "/api/homeappliances/events", token)) {
            assertThat(right.status()).as("the closed channel still counts").isEqualTo(429);
        }
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (SseTestStream later = SseTestStream.open(cloud, "/api/homeappliances/events", token)) {
                return later.status() == 200;
            }
        });
    }

    @Test
    void theTokenEndpointHasItsOwnLimit() {
        startCloud(RateLimits.unlimited().withTokenRequests(new RateLimits.Quota(2, MINUTE, MINUTE, "token requests")));
        Map<String, String> poll = Map.of("grant_type", "device_code", "device_code", "unknown", "client_id", cloud.clientId());
        assertThat(http.postForm("/security/oauth/token", poll).statusCode()).isEqualTo(400);
        assertThat(http.postForm("/security/oauth/token", poll).statusCode()).isEqualTo(400);
        HttpResponse<String> limited = http.postForm("/security/oauth/token", poll);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void scaledDownLimitsKeepTheirCountsAndNameTheirWindows() {
        RateLimits scaled = RateLimits.standard().scaledDown(60);
        assertThat(scaled.perMinute().label()).isEqualTo("50 calls in 1 second");
        assertThat(scaled.daily().label()).isEqualTo("1000 calls in 24 minutes");
        assertThat(scaled.successiveErrors().label()).isEqualTo("10 successive error calls in 10 seconds");
        assertThat(RateLimits.standard().daily().label()).isEqualTo("1000 calls in 1 day");
    }
}
