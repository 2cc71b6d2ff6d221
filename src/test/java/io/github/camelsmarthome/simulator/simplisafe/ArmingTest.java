package io.github.camelsmarthome.simulator.simplisafe;

import static io.github.camelsmarthome.simulator.simplisafe.SimpliSafeHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Brief sections 4.4, 5.1 and 7: arming passes through the exit delay, a tripped sensor through
 * the entry delay, and every step leaves its event code in the history. System time runs sixty
 * times faster: the 60 s away exit delay takes one second.
 */
class ArmingTest extends SimpliSafeTestSupport {

    @Test
    void armingAwayCountsDownTheExitDelayThenIsArmed() {
        JsonNode answer = json(http.post(v3("/state/away"), token, null));

        assertThat(answer.path("state").asText()).isEqualTo("AWAY");
        assertThat(answer.path("exitDelay").asInt()).isEqualTo(60);
        JsonNode counting = system();
        assertThat(counting.path("alarmState").asText()).isEqualTo("AWAY_COUNT");
        assertThat(counting.path("exitDelayRemaining").asInt()).isBetween(1, 60);
        assertThat(newCids()).containsExactly(9407);

        await().atMost(Duration.ofSeconds(3)).until(() -> system().path("alarmState").asText().equals("AWAY"));
        assertThat(newCids()).containsExactly(9407, 3407);
    }

    @Test
    void homeHasNoExitDelayByDefaultAndDisarmingIsRemote() {
        JsonNode home = json(http.post(v3("/state/home"), token, null));
        assertThat(home.path("exitDelay").asInt()).isZero();
        assertThat(system().path("alarmState").asText()).isEqualTo("HOME");

        json(http.post(v3("/state/off"), token, null));
        assertThat(system().path("alarmState").asText()).isEqualTo("OFF");
        assertThat(newCids()).containsExactly(3441, 1407);
    }

    @Test
    void aHomeExitDelaySetOverRestIsCountedToo() {
        http.post(v3("/settings/normal"), token, "{\"normal\":{\"exitDelayHome\":30}}");
        assertThat(json(http.post(v3("/state/home"), token, null)).path("exitDelay").asInt()).isEqualTo(30);
        assertThat(system().path("alarmState").asText()).isEqualTo("HOME_COUNT");
        await().atMost(Duration.ofSeconds(3)).until(() -> cloud.system().alarmState() == AlarmState.HOME);
        assertThat(newCids()).containsExactly(9441, 3441);
    }

    @Test
    void anOpenedDoorWhileArmedStartsTheEntryDelayThenTheAlarmAndDisarmingCancelsIt() {
        armAwayAtOnce();

        cloud.system().openSensor(FRONT_DOOR);
        assertThat(system().path("alarmState").asText()).isEqualTo("ALARM_COUNT");
        await().atMost(Duration.ofSeconds(3)).until(() -> cloud.system().isAlarming());
        assertThat(system().path("alarmState").asText()).isEqualTo("ALARM");
        assertThat(system().path("isAlarming").asBoolean()).isTrue();

        http.post(v3("/state/off"), token, null);
        assertThat(system().path("isAlarming").asBoolean()).isFalse();
        assertThat(newCids()).containsExactly(3407, 1429, 1134, 1407, 1406);
        JsonNode entryDelay = latestEvents(5).get(3);
        assertThat(entryDelay.path("sensorSerial").asText()).isEqualTo(FRONT_DOOR);
        assertThat(entryDelay.path("sensorName").asText()).isEqualTo("Front Door");
        assertThat(entryDelay.path("sensorType").asInt()).isEqualTo(5);
    }

    @Test
    void anInstantTriggerSensorAlarmsAtOnceAndMotionIsIgnoredInHomeMode() {
        http.post(v3("/state/home"), token, null);
        cloud.system().triggerSensor(UPSTAIRS_MOTION);
        assertThat(cloud.system().alarmState()).as("motion sensors do not watch home mode").isEqualTo(AlarmState.HOME);

        cloud.system().openSensor(PATIO_DOOR_INSTANT);
        assertThat(cloud.system().alarmState()).isEqualTo(AlarmState.ALARM);
        assertThat(newCids()).containsExactly(3441, 1134);
    }

    @Test
    void disarmedActivityChangesTheSensorsButIsNoEvent() {
        cloud.system().openSensor(FRONT_DOOR);
        cloud.system().triggerSensor(UPSTAIRS_MOTION);

        JsonNode sensors = json(http.get(v3("/sensors?forceUpdate=true"), token)).path("sensors");
        assertThat(sensor(sensors, FRONT_DOOR).path("status").path("triggered").asBoolean()).isTrue();
        assertThat(sensor(sensors, UPSTAIRS_MOTION).path("status").path("triggered").asBoolean()).isTrue();
        assertThat(newCids()).isEmpty();

        cloud.system().closeSensor(FRONT_DOOR);
        assertThat(sensor(json(http.get(v3("/sensors"), token)).path("sensors"), FRONT_DOOR).path("status").path("triggered").asBoolean())
                .isFalse();
    }

    @Test
    void hazardsAlarmInAnyStateAndDeviceTroubleIsReported() {
        cloud.system().triggerSensor(SMOKE_DETECTOR);
        assertThat(cloud.system().isAlarming()).isTrue();

        cloud.system().setLowBattery(FRONT_DOOR, true);
        cloud.system().setOffline(UPSTAIRS_MOTION, true);
        cloud.system().setOffline(UPSTAIRS_MOTION, false);
        cloud.system().setPowerOutage(true);

        JsonNode sensors = json(http.get(v3("/sensors"), token)).path("sensors");
        assertThat(sensor(sensors, FRONT_DOOR).path("flags").path("lowBattery").asBoolean()).isTrue();
        assertThat(system().path("powerOutage").asBoolean()).isTrue();
        assertThat(newCids()).containsExactly(1110, 1381, 3381, 1301);
    }

    @Test
    void keypadArmingAndDisarmingUseTheKeypadCodes() {
        cloud.system().armByKeypad(AlarmMode.AWAY);
        await().atMost(Duration.ofSeconds(3)).until(() -> cloud.system().alarmState() == AlarmState.AWAY);
        cloud.system().disarmByKeypad("Master PIN");

        assertThat(newCids()).containsExactly(9401, 3401, 1400);
        JsonNode disarmed = latestEvents(1).get(0);
        assertThat(disarmed.path("pinName").asText()).isEqualTo("Master PIN");
        assertThat(disarmed.path("info").asText()).isEqualTo("System Disarmed by Master PIN");
        assertThat(disarmed.path("sensorType").asInt()).isEqualTo(1);
    }

    @Test
    void aBusyBaseStationAnswers409AndTheStateStays() {
        cloud.faults().settingsInProgressOnNextArm(1);

        HttpResponse<String> busy = http.post(v3("/state/away"), token, null);

        assertThat(busy.statusCode()).isEqualTo(409);
        assertThat(json(busy).path("type").asText()).isEqualTo("SettingsInProgress");
        assertThat(json(busy).path("statusCode").asInt()).isEqualTo(409);
        assertThat(cloud.system().alarmState()).isEqualTo(AlarmState.OFF);
        assertThat(http.get(v3("/sensors"), token).statusCode()).as("only arming is hit").isEqualTo(200);
        assertThat(http.post(v3("/state/away"), token, null).statusCode()).isEqualTo(200);
    }

    private void armAwayAtOnce() {
        cloud.system().setExitDelay(AlarmMode.AWAY, 0);
        http.post(v3("/state/away"), token, null);
        assertThat(cloud.system().alarmState()).isEqualTo(AlarmState.AWAY);
    }

    private JsonNode system() {
        return json(http.get("/users/12345/subscriptions", token)).path("subscriptions").path(0).path("location").path("system");
    }

    /** Codes of the events added to the fixture's two, oldest first. */
    private List<Integer> newCids() {
        JsonNode events = json(http.get("/subscriptions/12345/events?numEvents=100", token)).path("events");
        List<Integer> cids = new ArrayList<>();
        for (int i = events.size() - 3; i >= 0; i--) {
            cids.add(events.get(i).path("eventCid").asInt());
        }
        return cids;
    }

    /** The newest {@code n} events, newest first. */
    private List<JsonNode> latestEvents(int n) {
        List<JsonNode> events = new ArrayList<>();
        json(http.get("/subscriptions/12345/events?numEvents=" + n, token)).path("events").forEach(events::add);
        return events;
    }

    private static JsonNode sensor(JsonNode sensors, String serial) {
        for (JsonNode sensor : sensors) {
            if (sensor.path("serial").asText().equals(serial)) {
                return sensor;
            }
        }
        throw new AssertionError("No sensor " + serial);
    }
}
