package io.github.camelsmarthome.simulator.simplisafe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Brief sections 2 and 10: every REST call needs a live bearer token; without one, 401 "Unauthorized". */
class RestAuthorizationTest extends SimpliSafeTestSupport {

    @Test
    void everyEndpointAnswers401WithAQuotedStringWithoutAToken() {
        List<String> paths = List.of("/api/authCheck", "/users/12345/subscriptions?activeOnly=true", v3("/sensors?forceUpdate=false"),
                v3("/settings/normal?forceUpdate=false"), "/subscriptions/12345/events?numEvents=1", "/doorlock/12345",
                "/no/such/path");
        for (String path : paths) {
            HttpResponse<String> answer = http.get(path, null);
            assertThat(answer.statusCode()).as(path).isEqualTo(401);
            assertThat(answer.body()).as(path).isEqualTo("\"Unauthorized\"");
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        }
        assertThat(http.post(v3("/state/away"), null, null).statusCode()).isEqualTo(401);
        assertThat(cloud.system().alarmState()).isEqualTo(AlarmState.OFF);
    }

    @Test
    void anUnknownOrMalformedTokenIs401() {
        assertThat(http.get("/api/authCheck", "abcde12345").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/authCheck", token + "x").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/authCheck", token).statusCode()).isEqualTo(200);
    }
}
