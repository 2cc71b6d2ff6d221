package io.github.camelsmarthome.homeconnect;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.camelsmarthome.auth.FileTokenStore;
import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.homeconnect.api.HomeConnectAuthorization;
import io.github.camelsmarthome.simulator.homeconnect.FaultTarget;
import io.github.camelsmarthome.simulator.homeconnect.RequestKind;
import io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold;
import io.github.camelsmarthome.testing.CapturedLogs;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Design section 8: no access token, refresh token or client secret in any log line (DEBUG and
 * TRACE included), exception message, header or body, through a whole life of the component:
 * bootstrap from the configured refresh token, the event stream, REST calls that succeed, fail and
 * are refused, a forced token renewal, and finally a revoked account.
 */
class HomeConnectSecretsTest extends HomeConnectComponentTestSupport {

    private static final String WASHER = SimulatedHousehold.WASHER;

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    /** Each secret by what it is, so that a failure names the kind without printing the value. */
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final List<String> visible = new ArrayList<>();

    @Test
    void aWholeLifeOfConsumerAndProducerLeavesNoSecretInLogsMessagesHeadersOrBodies() throws Exception {
        secrets.put("client secret", cloud.clientSecret());
        secrets.put("first access token", issued.accessToken());
        secrets.put("configured refresh token", issued.refreshToken());
        try (CapturedLogs ours = CapturedLogs.capture("io.github.camelsmarthome");
                CapturedLogs camel = CapturedLogs.capture("org.apache.camel");
                CapturedLogs vertx = CapturedLogs.capture("io.vertx")) {
            startCamel(new RouteBuilder() {
                @Override
                public void configure() {
                    from("homeconnect:events").routeId("events").to("mock:events");
                    from("direct:call").routeId("calls").toD("homeconnect:${header.op}?haId=" + WASHER);
                }
            });
            awaitStreamOpen();
            rememberStoredTokens();

            cloud.household().washer().startProgram("LaundryCare.Washer.Program.Cotton");
            call("getStatus", null);
            call("getActiveProgram", null);
            call("startProgram", "[{\"key\":\"LaundryCare.Washer.Option.Temperature\",\"value\":\"x\"}]");
            call("getSetting", null);
            cloud.faults().unauthorizedNext(FaultTarget.REST);
            call("getSettings", null);
            rememberStoredTokens();

            // Tokens end: the stream closes and reopens with a renewed token, REST calls renew too.
            cloud.authorization().expireAccessTokens();
            call("getStatus", null);
            await().atMost(TIMEOUT).until(() -> cloud.requests().ofKind(
                    RequestKind.EVENT_STREAM).size() >= 2
                    && cloud.events().openStreamCount() == 1);
            rememberStoredTokens();

            // And then the account is revoked: the refresh is refused, a person must log in again.
            cloud.authorization().revokeRefreshTokens();
            cloud.authorization().expireAccessTokens();
            await().atMost(TIMEOUT).until(() -> consumerHealth("events").orElseThrow().getMessage().orElse("")
                    .contains("AUTH_REQUIRED"));
            call("getStatus", null);

            HealthCheckHelper.invoke(context).forEach(result -> {
                result.getMessage().ifPresent(visible::add);
                result.getError().ifPresent(error -> visible.add(fullText(error)));
                visible.add(String.valueOf(result.getDetails()));
            });
            for (Exchange exchange : mock("events").getReceivedExchanges()) {
                visible.add(String.valueOf(exchange.getMessage().getHeaders()));
                visible.add(json.writeValueAsString(exchange.getMessage().getBody()));
            }
            context.getEndpoints().forEach(endpoint -> visible.add(endpoint.getEndpointUri()));
            context.stop();
            visible.add(ours.allText());
            visible.add(camel.allText());
            visible.add(vertx.allText());
            assertThat(ours.lines()).as("the capture works at DEBUG and below").anySatisfy(line ->
                    assertThat(line.level().intLevel()).isGreaterThanOrEqualTo(Level.DEBUG.intLevel()));
        }

        assertThat(secrets.values()).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(7)
                .allSatisfy(secret -> assertThat(secret).hasSizeGreaterThan(8));
        for (String text : visible) {
            secrets.forEach((what, secret) -> assertThat(text.contains(secret)).as("the %s leaked", what).isFalse());
        }
    }

    /** Sends one producer call and keeps everything a route could see of its answer. */
    private void call(String operation, String body) throws Exception {
        Exchange answer = context.createProducerTemplate().request("direct:call", exchange -> {
            exchange.getMessage().setHeader("op", operation);
            exchange.getMessage().setHeader(HomeConnectConstants.KEY, "BSH.Common.Setting.ChildLock");
            if (operation.equals("startProgram")) {
                exchange.getMessage().setHeader(HomeConnectConstants.KEY, "LaundryCare.Washer.Program.Mix");
            }
            exchange.getMessage().setBody(body);
        });
        visible.add(String.valueOf(answer.getMessage().getHeaders()));
        visible.add(String.valueOf(answer.getMessage().getBody()));
        visible.add(json.writeValueAsString(answer.getMessage().getBody()));
        if (answer.getException() != null) {
            visible.add(fullText(answer.getException()));
        }
    }

    private void rememberStoredTokens() throws Exception {
        String account = HomeConnectAuthorization.accountName(cloud.clientId());
        OAuthTokens stored = await().atMost(TIMEOUT).until(() -> new FileTokenStore(stateDir).load(account),
                Optional::isPresent).orElseThrow();
        remember("stored access token", stored.accessToken());
        remember("stored refresh token", stored.refreshToken());
    }

    private void remember(String what, String secret) {
        if (!secrets.containsValue(secret)) {
            secrets.put(what + " #" + secrets.size(), secret);
        }
    }

    private static String fullText(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return failure + "\n" + trace;
    }
}
