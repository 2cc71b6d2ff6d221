package io.github.camelsmarthome.simulator.simplisafe;

import static io.github.camelsmarthome.simulator.simplisafe.AuthorizationCodeFlowTest.fieldNames;
import static io.github.camelsmarthome.simulator.simplisafe.SimpliSafeHttp.fixture;
import static io.github.camelsmarthome.simulator.simplisafe.SimpliSafeHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Given the untouched fixture system, the REST bodies have the shapes of the simplisafe-python
 * fixtures (bachya/simplisafe-python, tests/fixtures, MIT).
 */
class RestShapesTest extends SimpliSafeTestSupport {

    @Test
    void subscriptionsAreTheFixtureWithLiveSystemFields() {
        JsonNode body = json(http.get("/users/12345/subscriptions?activeOnly=true", token));
        JsonNode expected = fixture("subscriptions_response.json");

        JsonNode subscription = body.path("subscriptions").path(0);
        assertThat(body.path("subscriptions")).hasSize(1);
        assertThat(fieldNames(subscription)).containsExactlyElementsOf(fieldNames(expected.path("subscriptions").path(0)));
        JsonNode system = subscription.path("location").path("system");
        JsonNode expectedSystem = expected.path("subscriptions").path(0).path("location").path("system");
        assertThat(fieldNames(system)).containsExactlyElementsOf(fieldNames(expectedSystem));
        assertThat(system.path("alarmState").asText()).isEqualTo("OFF");
        assertThat(system.path("exitDelayRemaining").asInt()).isEqualTo(60);
        assertThat(system.path("cameras")).isEqualTo(expectedSystem.path("cameras"));
    }

    @Test
    void anotherUsersSubscriptionsAreForbidden() {
        assertThat(http.get("/users/999/subscriptions", token).statusCode()).isEqualTo(403);
    }

    @Test
    void sensorsAndSettingsAreTheFixturesUntilSomethingHappens() {
        assertThat(json(http.get(v3("/sensors?forceUpdate=false"), token))).isEqualTo(fixture("v3_sensors_response.json"));
        assertThat(json(http.get(v3("/settings/normal?forceUpdate=true"), token))).isEqualTo(fixture("v3_settings_response.json"));
    }

    @Test
    void theEventHistoryStartsWithTheFixtureEventsNewestFirst() {
        JsonNode all = json(http.get("/subscriptions/12345/events", token));
        JsonNode expected = fixture("events_response.json");

        assertThat(all.path("numEvents").asInt()).as("no parameters means the last 50").isEqualTo(50);
        assertThat(all.path("events")).isEqualTo(expected.path("events"));
        assertThat(fieldNames(all)).containsExactlyElementsOf(fieldNames(expected));

        JsonNode latest = json(http.get("/subscriptions/12345/events?numEvents=1", token));
        assertThat(latest.path("numEvents").asInt()).isEqualTo(1);
        assertThat(latest.path("events")).hasSize(1);
        assertThat(latest.path("events").path(0).path("eventId").asLong()).isEqualTo(2921814837L);
        assertThat(latest.path("lastEventTimestamp").asLong()).isEqualTo(1534720376L);
        assertThat(fieldNames(latest.path("events").path(0)))
                .containsExactlyElementsOf(fieldNames(fixture("latest_event_response.json").path("events").path(0)));
    }

    @Test
    void armingAnswersTheV3StateShape() {
        JsonNode answer = json(http.post(v3("/state/home"), token, null));
        assertThat(fieldNames(answer)).containsExactlyElementsOf(fieldNames(fixture("v3_state_response.json")));
        assertThat(answer.path("state").asText()).isEqualTo("HOME");
        assertThat(answer.path("success").asBoolean()).isTrue();
        assertThat(answer.path("reason").isNull()).isTrue();
    }

    @Test
    void settingsCanBeChangedWithinTheBriefsRanges() {
        HttpResponse<String> changed = http.post(v3("/settings/normal"), token, "{\"normal\":{\"alarmDuration\":120,\"light\":false}}");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json(changed).path("settings").path("normal").path("alarmDuration").asInt()).isEqualTo(120);
        assertThat(json(http.get(v3("/settings/normal"), token)).path("settings").path("normal").path("light").asBoolean()).isFalse();

        HttpResponse<String> outOfRange = http.post(v3("/settings/normal"), token, "{\"normal\":{\"exitDelayAway\":10}}");
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(fieldNames(json(outOfRange))).containsExactly("type", "message", "code", "statusCode", "props");
    }

    @Test
    void pinsAreReplacedFromAnObjectOfSlotsAndAnsweredAsAnArray() {
        String pins = "{\"pins\":{\"duress\":{\"pin\":\"9876\"},\"master\":{\"pin\":\"1234\"},\"users\":{"
                + "\"0\":{\"name\":\"Kid\",\"pin\":\"4826\"},\"1\":{\"name\":\"\",\"pin\":\"\"},"
                + "\"2\":{\"name\":\"\",\"pin\":\"\"},\"3\":{\"name\":\"\",\"pin\":\"\"}}}}";
        JsonNode answer = json(http.post(v3("/settings/pins"), token, pins));
        assertThat(answer.path("settings").path("pins").path("users").path(0).path("name").asText()).isEqualTo("Kid");
        assertThat(answer.path("settings").path("pins").path("users")).hasSize(4);

        JsonNode rejected = json(http.post(v3("/settings/pins"), token, pins.replace("4826", "12a4")));
        assertThat(rejected.path("type").asText()).isEqualTo("PinError");
    }

    @Test
    void locksAndMessagesAndTheWrongEndpointFamily() {
        JsonNode locks = json(http.get("/doorlock/12345", token));
        assertThat(locks).hasSize(3);
        assertThat(locks.path(0).path("status").path("lastUpdated").asText()).endsWith("Z");

        assertThat(http.delete(v3("/messages"), token).statusCode()).isEqualTo(200);
        assertThat(json(http.get("/users/12345/subscriptions", token)).path("subscriptions").path(0)
                .path("location").path("system").path("messages")).isEmpty();

        assertThat(http.post("/subscriptions/12345/state?state=home", token, null).statusCode()).as("V2 path on V3").isEqualTo(406);
        assertThat(http.get("/ss3/subscriptions/999/sensors", token).statusCode()).isEqualTo(404);
        assertThat(json(http.get("/subscriptions/12345/", token)).path("subscription").path("sid").asLong()).isEqualTo(SID);
    }
}
