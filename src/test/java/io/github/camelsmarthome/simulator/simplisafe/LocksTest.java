package io.github.camelsmarthome.simulator.simplisafe;

import static io.github.camelsmarthome.simulator.simplisafe.SimpliSafeHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Brief sections 4.2 and 4.5: a lock command answers 200 with an empty body at once; the lock
 * reports later (9700/9701), or jams (9703, {@code lockJamState}) and keeps its state.
 */
class LocksTest extends SimpliSafeTestSupport {

    @Test
    void unlockAnswersEmptyAtOnceAndTheLockReportsLater() {
        HttpResponse<String> answer = http.post("/doorlock/12345/" + FRONT_DOOR_LOCK + "/state", token, "{\"state\":\"unlock\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        await().atMost(Duration.ofSeconds(2)).until(() -> lockStatus(FRONT_DOOR_LOCK).path("lockState").asInt() == 2);
        assertThat(latest().path("eventCid").asInt()).isEqualTo(9700);
        assertThat(latest().path("sensorSerial").asText()).isEqualTo(FRONT_DOOR_LOCK);
        assertThat(latest().path("sensorType").asInt()).isEqualTo(16);

        http.post("/doorlock/12345/" + FRONT_DOOR_LOCK + "/state", token, "{\"state\":\"lock\"}");
        await().atMost(Duration.ofSeconds(2)).until(() -> cloud.system().locks().lockState(FRONT_DOOR_LOCK) == SimulatedLocks.LOCKED);
        assertThat(latest().path("eventCid").asInt()).isEqualTo(9701);
    }

    @Test
    void aJammedCommandReports9703AndKeepsTheState() {
        cloud.system().locks().jamNextCommand(FRONT_DOOR_LOCK);

        http.post("/doorlock/12345/" + FRONT_DOOR_LOCK + "/state", token, "{\"state\":\"unlock\"}");

        await().atMost(Duration.ofSeconds(2)).until(() -> lockStatus(FRONT_DOOR_LOCK).path("lockJamState").asInt() != 0);
        assertThat(lockStatus(FRONT_DOOR_LOCK).path("lockState").asInt()).isEqualTo(1);
        assertThat(latest().path("eventCid").asInt()).isEqualTo(9703);

        cloud.system().locks().clearJam(FRONT_DOOR_LOCK);
        http.post("/doorlock/12345/" + FRONT_DOOR_LOCK + "/state", token, "{\"state\":\"unlock\"}");
        await().atMost(Duration.ofSeconds(2)).until(() -> lockStatus(FRONT_DOOR_LOCK).path("lockState").asInt() == 2);
    }

    @Test
    void theFixturesJammedLockStaysJammedUntilCleared() {
        assertThat(cloud.system().locks().isJammed(BACK_DOOR_LOCK_JAMMED)).isTrue();
        int before = cloud.system().history().count();

        http.post("/doorlock/12345/" + BACK_DOOR_LOCK_JAMMED + "/state", token, "{\"state\":\"unlock\"}");

        await().atMost(Duration.ofSeconds(2)).until(() -> cloud.system().history().count() > before);
        assertThat(cloud.system().history().latest().orElseThrow().eventCid()).isEqualTo(9703);
        assertThat(cloud.system().locks().lockState(BACK_DOOR_LOCK_JAMMED)).isEqualTo(SimulatedLocks.LOCKED);
    }

    @Test
    void manualOperationAndJamsAreEventsToo() {
        cloud.system().locks().unlock(FRONT_DOOR_LOCK);
        cloud.system().locks().jam(FRONT_DOOR_LOCK);
        assertThat(cloud.system().history().all().stream().skip(2).map(SimulatedEvent::eventCid)).containsExactly(9700, 9703);
    }

    @Test
    void badCommandsAreRefused() {
        assertThat(http.post("/doorlock/12345/" + FRONT_DOOR_LOCK + "/state", token, "{\"state\":\"open\"}").statusCode()).isEqualTo(400);
        assertThat(http.post("/doorlock/12345/nope/state", token, "{\"state\":\"lock\"}").statusCode()).isEqualTo(404);
        assertThat(http.post("/doorlock/12345/" + FRONT_DOOR + "/state", token, "{\"state\":\"lock\"}").statusCode())
                .as("an entry sensor is no lock").isEqualTo(404);
    }

    private JsonNode lockStatus(String serial) {
        for (JsonNode sensor : json(http.get(v3("/sensors?forceUpdate=false"), token)).path("sensors")) {
            if (sensor.path("serial").asText().equals(serial)) {
                return sensor.path("status");
            }
        }
        throw new AssertionError("No lock " + serial);
    }

    private JsonNode latest() {
        return json(http.get("/subscriptions/12345/events?numEvents=1", token)).path("events").path(0);
    }
}
