package io.github.camelsmarthome.homeconnect.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.simulator.homeconnect.FaultTarget;
import io.github.camelsmarthome.simulator.homeconnect.SimulatorOptions;
import io.github.camelsmarthome.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The device flow of brief section 2.3 against the fake cloud, whose clock the test moves: poll
 * at the interval, keep polling while pending, slow down when told, stop on expiry or refusal.
 */
class DeviceFlowTest extends HomeConnectClientTestSupport {

    private final MutableClock cloudClock = new MutableClock(Instant.now());
    private final List<String> outcomes = new CopyOnWriteArrayList<>();
    private HomeConnectAuthorization login;

    @Override
    protected SimulatorOptions simulatorOptions() {
        return SimulatorOptions.forTests().clock(cloudClock).deviceCodePollInterval(Duration.ofMillis(200)).build();
    }

    @BeforeEach
    void newLogin() {
        login = new HomeConnectAuthorization(vertx, HomeConnectOAuthOptions.of(cloud.baseUrl(), cloud.clientId(), null)
                .withPolling(Duration.ofMillis(50), Duration.ofMillis(100)));
    }

    @AfterEach
    void closeLogin() {
        login.close();
    }

    private DevicePollListener recording() {
        return (outcome, next) -> outcomes.add(outcome + " " + next.toMillis());
    }

    @Test
    void pollsWhilePendingAndReturnsTokensThatWork() {
        cloud.authorization().setAutoApproveDeviceCodes(true, 2);

        DeviceAuthorization started = resultOf(login.startDeviceAuthorization());
        assertThat(started.userCode()).matches("[A-Z]{4}-[A-Z]{4}");
        assertThat(started.verificationUri()).startsWith(cloud.baseUrl());
        assertThat(started.verificationUriComplete()).contains(started.userCode());
        assertThat(started.toString()).doesNotContain(started.deviceCode());
        cloudClock.advance(Duration.ofSeconds(1));
        OAuthTokens tokens = resultOf(login.awaitDeviceApproval(started, (outcome, next) -> {
            outcomes.add(outcome + " " + next.toMillis());
            cloudClock.advance(Duration.ofSeconds(1));
        }));

        assertThat(outcomes).containsExactly("PENDING 1000", "PENDING 1000");
        assertThat(requestLines()).containsExactly("POST /security/oauth/device_authorization", "POST /security/oauth/token",
                "POST /security/oauth/token", "POST /security/oauth/token");
        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(tokens.expiresAt()).isAfter(Instant.now().plus(Duration.ofHours(23)));
    }

    @Test
    void slowDownAddsItsStepForGood() {
        cloud.authorization().setAutoApproveDeviceCodes(true, 1);
        DeviceAuthorization started = resultOf(login.startDeviceAuthorization());

        // The cloud's clock stands still, so the second poll looks too fast to it until the test moves time on.
        OAuthTokens tokens = resultOf(login.awaitDeviceApproval(started, (outcome, next) -> {
            outcomes.add(outcome + " " + next.toMillis());
            if (outcome == DevicePollListener.Outcome.SLOW_DOWN) {
                cloudClock.advance(Duration.ofSeconds(10));
            }
        }));

        assertThat(outcomes).containsExactly("PENDING 1000", "SLOW_DOWN 1100");
        assertThat(tokens.accessToken()).isNotBlank();
    }

    @Test
    void anExpiredDeviceCodeEndsThePolling() {
        DeviceAuthorization started = resultOf(login.startDeviceAuthorization());

        Throwable failure = failureOf(login.awaitDeviceApproval(started, (outcome, next) -> cloudClock.advance(Duration.ofMinutes(10))));

        assertThat(failure).isInstanceOf(DeviceAuthorizationExpiredException.class).hasMessageContaining("start the authorisation again");
        assertThat(((OAuthEndpointException) failure).error()).isEqualTo("expired_token");
        assertThat(requestLines()).filteredOn(line -> line.endsWith("/token")).hasSize(2);
    }

    @Test
    void theLocalDeadlineEndsPollingEvenWhenTheServerNeverSaysSo() {
        cloud.authorization().setDeviceCodeLifetime(Duration.ofSeconds(1));
        DeviceAuthorization started = resultOf(login.startDeviceAuthorization());
        assertThat(started.expiresAt()).isBefore(Instant.now().plusSeconds(2));

        assertThat(failureOf(login.awaitDeviceApproval(started, recording())))
                .isInstanceOf(DeviceAuthorizationExpiredException.class);
    }

    @Test
    void aDeniedLoginEndsWithAClearException() {
        cloud.authorization().onDeviceAuthorization(request -> cloud.authorization().denyDeviceCode(request.userCode()));
        DeviceAuthorization started = resultOf(login.startDeviceAuthorization());

        Throwable failure = failureOf(login.awaitDeviceApproval(started, recording()));

        assertThat(failure).isInstanceOf(AuthorizationDeniedException.class).hasMessageContaining("access_denied");
        assertThat(outcomes).isEmpty();
    }

    @Test
    void aRateLimitedPollWaitsForRetryAfterAndContinues() {
        cloud.authorization().setAutoApproveDeviceCodes(true, 0);
        cloud.faults().rateLimitNext(FaultTarget.TOKEN_ENDPOINT, Duration.ofSeconds(1), 1);
        DeviceAuthorization started = resultOf(login.startDeviceAuthorization());
        cloudClock.advance(Duration.ofSeconds(1));

        OAuthTokens tokens = resultOf(login.awaitDeviceApproval(started, (outcome, next) -> {
            outcomes.add(outcome + " " + next.toMillis());
            cloudClock.advance(Duration.ofSeconds(1));
        }));

        assertThat(outcomes).containsExactly("RATE_LIMITED 1000");
        assertThat(tokens.accessToken()).isNotBlank();
    }

    @Test
    void theDefaultPacingStaysUnderTenTokenRequestsAMinute() {
        HomeConnectOAuthOptions defaults = HomeConnectOAuthOptions.of("https://api.home-connect.com", "id", null);
        assertThat(Duration.ofMinutes(1).dividedBy(defaults.minimumPollInterval())).isLessThanOrEqualTo(10);
        assertThat(defaults.slowDownStep()).isEqualTo(Duration.ofSeconds(5));
    }
}
