package io.github.camelsmarthome.homeassistant.discovery;

import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.configs;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.connectionMode;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.only;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.options;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.payload;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.sensorEvent;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.systemEvent;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.simplisafe.api.change.PollEventTypes;
import io.github.camelsmarthome.simplisafe.api.event.EventCode;
import io.github.camelsmarthome.simplisafe.api.event.EventSubject;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEventCodes;
import io.github.camelsmarthome.simplisafe.api.model.SensorType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SimplisafeDiscoveryTest {

    private static final String CONFIG = "homeassistant/%s/camel-smarthome/camel_smarthome_simplisafe_%s_%s/config";
    private static final String ENTRY_RAW = "{\"serial\":\"0a1b2c3d\",\"type\":5,\"name\":\"Front door\","
            + "\"status\":{\"triggered\":true},\"flags\":{\"lowBattery\":false,\"offline\":false}}";

    private final HomeAssistantDiscovery discovery = new HomeAssistantDiscovery(options(DiscoveryMode.COMPONENT));

    @Test
    void theAlarmPanelOfASystemHasTheKeysOfBriefExample91() {
        JsonNode panel = payload(only(discovery.onEvent(systemEvent("armed_away")),
                CONFIG.formatted("alarm_control_panel", "1234567", "alarm")));

        assertThat(panel.get("name").isNull()).isTrue();
        assertThat(panel.path("unique_id").asText()).isEqualTo("camel_smarthome_simplisafe_1234567_alarm");
        assertThat(panel.path("default_entity_id").asText()).isEqualTo("alarm_control_panel.simplisafe_1234567_alarm");
        assertThat(panel.path("state_topic").asText()).isEqualTo("camel-smarthome/simplisafe/1234567/state");
        assertThat(panel.path("value_template").asText()).isEqualTo("{{ value_json.alarm_state }}");
        assertThat(panel.path("command_topic").asText()).isEqualTo("camel-smarthome/simplisafe/1234567/alarm/set");
        assertThat(panel.path("command_template").asText())
                .isEqualTo("{\"action\": \"{{ action }}\", \"code\": \"{{ code }}\"}");
        assertThat(panel.path("code").asText()).isEqualTo("REMOTE_CODE");
        assertThat(panel.path("code_arm_required").asBoolean(true)).isFalse();
        assertThat(panel.path("code_disarm_required").asBoolean()).isTrue();
        assertThat(panel.path("supported_features")).containsExactly(tree("\"arm_home\""), tree("\"arm_away\""));
        assertThat(panel.path("availability_mode").asText()).isEqualTo("all");
        assertThat(panel.path("availability").findValuesAsText("topic")).containsExactly(
                "camel-smarthome/bridge/state", "camel-smarthome/simplisafe/1234567/availability");
        assertThat(panel.path("device").path("identifiers")).containsExactly(tree("\"simplisafe_1234567\""));
        assertThat(panel.path("device").path("manufacturer").asText()).isEqualTo("SimpliSafe");
        assertThat(panel.path("device").path("via_device").asText()).isEqualTo("camel_smarthome_bridge");
        assertThat(panel.path("origin").path("name").asText()).isEqualTo("camel-smarthome");
        assertThat(panel.path("origin").path("sw_version").asText()).isEqualTo("1.0.0");
    }

    @Test
    void withoutACodeTheAlarmPanelDoesNotAskForOne() {
        HomeAssistantDiscovery noCode = new HomeAssistantDiscovery(options(DiscoveryMode.COMPONENT).withAlarmCodeRequired(false));
        JsonNode panel = payload(only(noCode.onEvent(systemEvent("armed_home")),
                CONFIG.formatted("alarm_control_panel", "1234567", "alarm")));
        assertThat(panel.has("code")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"armed_away_by_keypad, armed_away", "armed_home, armed_home", "disarmed_by_remote, disarmed",
        "alarm_canceled, disarmed", "home_exit_delay, arming", "away_exit_delay_by_remote, arming", "exit_delay, arming",
        "entry_delay, pending", "alarm_triggered, triggered", "disarmed, disarmed", "test_mode, disarmed"})
    void eventTypesSetTheAlarmStateOfBrief71(String type, String alarmState) {
        List<DiscoveryMessage> messages = discovery.onEvent(systemEvent(type));
        DiscoveryMessage state = only(messages, "camel-smarthome/simplisafe/1234567/state");
        assertThat(state.retained()).isTrue();
        assertThat(payload(state).path("alarm_state").asText()).isEqualTo(alarmState);
        assertThat(payload(state).path("alarm_attributes").path("last_event").asText()).isEqualTo(type);
    }

    @Test
    void eachEventIsPublishedNotRetainedWithItsEventType() {
        DiscoveryMessage event = only(discovery.onEvent(systemEvent("alarm_triggered")),
                "camel-smarthome/simplisafe/1234567/event");
        assertThat(event.retained()).isFalse();
        assertThat(event.qos()).isEqualTo(1);
        assertThat(payload(event).path("event_type").asText()).isEqualTo("alarm_triggered");
        assertThat(payload(event).path("changed_by").asText()).isEqualTo("Master PIN");
    }

    @Test
    void theSecondEventOfADeviceRepublishesNoConfig() {
        discovery.onEvent(systemEvent("armed_away"));
        List<DiscoveryMessage> second = discovery.onEvent(systemEvent("armed_home"));
        assertThat(configs(second)).isEmpty();
        assertThat(second).extracting(DiscoveryMessage::topic).containsExactly(
                "camel-smarthome/simplisafe/1234567/state", "camel-smarthome/simplisafe/1234567/event");
    }

    @Test
    void anEntrySensorIsADoorWithABatteryDiagnosticOnItsSystem() {
        List<DiscoveryMessage> messages = discovery.onEvent(
                sensorEvent("0a1b2c3d", SensorType.ENTRY, PollEventTypes.SENSOR_TRIGGERED, "Front door", ENTRY_RAW));

        JsonNode contact = payload(only(messages, CONFIG.formatted("binary_sensor", "0a1b2c3d", "triggered")));
        assertThat(contact.path("device_class").asText()).isEqualTo("door");
        assertThat(contact.get("name").isNull()).isTrue();
        assertThat(contact.path("state_topic").asText()).isEqualTo("camel-smarthome/simplisafe/0a1b2c3d/state");
        assertThat(contact.path("value_template").asText()).isEqualTo("{{ 'ON' if value_json.triggered else 'OFF' }}");
        assertThat(contact.path("device").path("name").asText()).isEqualTo("Front door");
        assertThat(contact.path("device").path("model").asText()).isEqualTo("Entry sensor");
        assertThat(contact.path("device").path("serial_number").asText()).isEqualTo("0a1b2c3d");
        assertThat(contact.path("device").path("via_device").asText()).isEqualTo("simplisafe_1234567");
        assertThat(contact.path("availability").findValuesAsText("topic")).containsExactly("camel-smarthome/bridge/state",
                "camel-smarthome/simplisafe/1234567/availability", "camel-smarthome/simplisafe/0a1b2c3d/availability");

        JsonNode battery = payload(only(messages, CONFIG.formatted("binary_sensor", "0a1b2c3d", "battery")));
        assertThat(battery.path("device_class").asText()).isEqualTo("battery");
        assertThat(battery.path("entity_category").asText()).isEqualTo("diagnostic");
        assertThat(battery.path("value_template").asText()).isEqualTo("{{ 'ON' if value_json.low_battery else 'OFF' }}");

        JsonNode state = payload(only(messages, "camel-smarthome/simplisafe/0a1b2c3d/state"));
        assertThat(state.path("triggered").asBoolean()).isTrue();
        assertThat(state.path("low_battery").asBoolean(true)).isFalse();
    }

    @Test
    void theSystemConfigIsPublishedBeforeItsSensorSoTheViaDeviceExists() {
        List<String> topics = discovery.onEvent(
                sensorEvent("0a1b2c3d", SensorType.ENTRY, PollEventTypes.SENSOR_CLEARED, "Front door", ENTRY_RAW))
                .stream().map(DiscoveryMessage::topic).toList();
        assertThat(topics.indexOf(CONFIG.formatted("alarm_control_panel", "1234567", "alarm")))
                .isLessThan(topics.indexOf(CONFIG.formatted("binary_sensor", "0a1b2c3d", "triggered")));
    }

    @Test
    void aMotionSensorIsFedByEventsAndSwitchesOffAfterTheDelay() {
        JsonNode motion = payload(only(discovery.onEvent(sensorEvent("9f8e7d6c", SensorType.MOTION,
                PollEventTypes.SENSOR_TRIGGERED, "Living room motion", "{}")),
                CONFIG.formatted("binary_sensor", "9f8e7d6c", "motion")));
        assertThat(motion.path("device_class").asText()).isEqualTo("motion");
        assertThat(motion.path("state_topic").asText()).isEqualTo("camel-smarthome/simplisafe/9f8e7d6c/event");
        assertThat(motion.path("off_delay").asInt()).isEqualTo(60);
        assertThat(motion.path("value_template").asText()).contains("'sensor_triggered'").contains("else ''");
    }

    @Test
    void aLockHasCommandsAndAJammedState() {
        List<DiscoveryMessage> messages = discovery.onEvent(
                sensorEvent("5e6f7a8b", SensorType.LOCK, PollEventTypes.LOCK_ERROR, "Front door lock", "{}"));
        JsonNode lock = payload(only(messages, CONFIG.formatted("lock", "5e6f7a8b", "lock")));
        assertThat(lock.path("command_topic").asText()).isEqualTo("camel-smarthome/simplisafe/5e6f7a8b/lock/set");
        assertThat(lock.path("value_template").asText()).isEqualTo("{{ value_json.lock_state }}");
        assertThat(lock.path("payload_lock").asText()).isEqualTo("LOCK");
        assertThat(lock.path("payload_unlock").asText()).isEqualTo("UNLOCK");
        assertThat(lock.path("state_jammed").asText()).isEqualTo("JAMMED");
        assertThat(lock.path("optimistic").asBoolean(true)).isFalse();
        assertThat(payload(only(messages, "camel-smarthome/simplisafe/5e6f7a8b/state")).path("lock_state").asText())
                .isEqualTo("JAMMED");
    }

    @Test
    void aSensorWhoseTypeBecomesKnownGetsItsEntityThen() {
        discovery.onEvent(sensorEvent("77aa88bb", null, PollEventTypes.LOW_BATTERY, null, "{}"));
        List<DiscoveryMessage> later = discovery.onEvent(
                sensorEvent("77aa88bb", SensorType.LEAK, PollEventTypes.SENSOR_TRIGGERED, "Basement", "{}"));
        JsonNode leak = payload(only(later, CONFIG.formatted("binary_sensor", "77aa88bb", "triggered")));
        assertThat(leak.path("device_class").asText()).isEqualTo("moisture");
        assertThat(leak.path("device").path("name").asText()).isEqualTo("Basement");
    }

    @Test
    void aTemperatureSensorReportsDegreesFahrenheitFromThePolledSensor() {
        List<DiscoveryMessage> messages = discovery.onEvent(sensorEvent("3c3c3c3c", SensorType.TEMPERATURE,
                PollEventTypes.SENSOR_TRIGGERED, "Garage", "{\"status\":{\"temperature\":38}}"));
        JsonNode sensor = payload(only(messages, CONFIG.formatted("sensor", "3c3c3c3c", "temperature")));
        assertThat(sensor.path("unit_of_measurement").asText()).isEqualTo("°F");
        assertThat(sensor.path("device_class").asText()).isEqualTo("temperature");
        assertThat(payload(only(messages, "camel-smarthome/simplisafe/3c3c3c3c/state")).path("temperature").asDouble())
                .isEqualTo(38.0);
    }

    @Test
    void anUnresponsiveSensorBecomesUnavailableAndComesBack() {
        discovery.onEvent(sensorEvent("0a1b2c3d", SensorType.ENTRY, PollEventTypes.SENSOR_CLEARED, "Front door", "{}"));
        DiscoveryMessage offline = only(discovery.onEvent(
                sensorEvent("0a1b2c3d", SensorType.ENTRY, PollEventTypes.SENSOR_NOT_RESPONDING, "Front door", "{}")),
                "camel-smarthome/simplisafe/0a1b2c3d/availability");
        assertThat(offline.payload()).isEqualTo("offline");
        assertThat(offline.retained()).isTrue();
        assertThat(only(discovery.onEvent(
                sensorEvent("0a1b2c3d", SensorType.ENTRY, PollEventTypes.SENSOR_RESTORED, "Front door", "{}")),
                "camel-smarthome/simplisafe/0a1b2c3d/availability").payload()).isEqualTo("online");
    }

    @Test
    void theConnectionModeIsADiagnosticSensorOfTheSystemAndABridgeHealthValue() {
        List<DiscoveryMessage> messages = discovery.onEvent(connectionMode("REST_ONLY"));
        JsonNode sensor = payload(only(messages, CONFIG.formatted("sensor", "1234567", "connection_mode")));
        assertThat(sensor.path("device_class").asText()).isEqualTo("enum");
        assertThat(sensor.path("options").toString()).contains("REALTIME", "REST_ONLY", "AUTH_REQUIRED");
        assertThat(payload(only(messages, "camel-smarthome/simplisafe/1234567/state")).path("connection_mode").asText())
                .isEqualTo("REST_ONLY");
        discovery.onEvent(connectionMode("AUTH_REQUIRED"));
        JsonNode health = payload(discovery.bridgeHealth());
        assertThat(health.path("simplisafe").path("connection_mode").asText()).isEqualTo("AUTH_REQUIRED");
        assertThat(health.path("simplisafe").path("connected").asBoolean(true)).isFalse();
        assertThat(health.path("simplisafe").path("auth_required").asBoolean()).isTrue();
    }

    @Test
    void aSystemHasOneDeviceTriggerPerEventTypeUpFront() {
        List<DiscoveryMessage> messages = discovery.onEvent(systemEvent("armed_away"));
        Set<String> triggerTypes = new HashSet<>();
        messages.stream().filter(m -> m.topic().startsWith("homeassistant/device_automation/"))
                .map(DiscoveryFixtures::payload)
                .filter(trigger -> trigger.path("device").path("identifiers").get(0).asText().equals("simplisafe_1234567"))
                .forEach(trigger -> triggerTypes.add(trigger.path("payload").asText()));
        Set<String> expected = new HashSet<>();
        SimplisafeEventCodes.all().stream().filter(code -> code.subject() == EventSubject.SYSTEM)
                .map(EventCode::eventType).forEach(expected::add);
        expected.addAll(List.of("disarmed", "away_exit_delay", "exit_delay", "test_mode", "system_error",
                "alarm_state_changed", "system_offline", "system_online", "power_outage", "power_restored",
                "connection_mode_changed"));
        assertThat(triggerTypes).containsAll(expected);
        JsonNode event = payload(only(messages, CONFIG.formatted("event", "1234567", "event")));
        assertThat(event.path("event_types").toString()).contains("alarm_triggered", "connection_mode_changed");
    }

    @Test
    void theEventTypeListCoversEveryTypeTheComponentCanEmit() {
        SimplisafeMapping mapping = new SimplisafeMapping(DiscoveryFixtures.MAPPER);
        Set<String> listed = new HashSet<>();
        List.of("system", "sensor", "lock", "camera").forEach(kind -> listed.addAll(mapping.eventTypes(kind)));
        assertThat(listed).containsAll(SimplisafeEventCodes.eventTypes()).containsAll(PollEventTypes.all())
                .contains(SimplisafeEventCodes.UNKNOWN_TYPE);
        SimplisafeEventCodes.all().stream().filter(code -> code.subject() == EventSubject.DEVICE)
                .forEach(code -> assertThat(mapping.eventTypes("sensor").contains(code.eventType())
                        || mapping.eventTypes("lock").contains(code.eventType())
                        || mapping.eventTypes("camera").contains(code.eventType())).as(code.eventType()).isTrue());
    }

    @Test
    void anEventTypeNobodyListedIsAddedToTheEventEntityWhenItArrives() {
        discovery.onEvent(systemEvent("armed_away"));
        List<DiscoveryMessage> messages = discovery.onEvent(systemEvent("brand_new_type"));
        JsonNode event = payload(only(messages, CONFIG.formatted("event", "1234567", "event")));
        assertThat(event.path("event_types").toString()).contains("brand_new_type");
        only(messages, CONFIG.formatted("device_automation", "1234567", "trigger_brand_new_type"));
    }

    @Test
    void aDoorbellIsAnEventEntityOfClassDoorbellAsInBriefExample95() {
        List<DiscoveryMessage> messages = discovery.onEvent(
                sensorEvent("c0ffee12", SensorType.DOORBELL, "doorbell_detected", "Front doorbell", "{}"));
        JsonNode event = payload(only(messages, CONFIG.formatted("event", "c0ffee12", "event")));
        assertThat(event.path("device_class").asText()).isEqualTo("doorbell");
        assertThat(event.path("event_types").toString()).contains("doorbell_detected", "camera_motion_detected");
        assertThat(event.path("state_topic").asText()).isEqualTo("camel-smarthome/simplisafe/c0ffee12/event");
        JsonNode trigger = payload(only(messages, CONFIG.formatted("device_automation", "c0ffee12", "trigger_doorbell_detected")));
        assertThat(trigger.path("topic").asText()).isEqualTo("camel-smarthome/simplisafe/c0ffee12/event");
        assertThat(trigger.path("value_template").asText()).isEqualTo("{{ value_json.event_type }}");
        assertThat(trigger.path("payload").asText()).isEqualTo("doorbell_detected");
        assertThat(trigger.path("device").path("identifiers").get(0).asText()).isEqualTo("simplisafe_c0ffee12");
        assertThat(trigger.has("availability")).isFalse();
        assertThat(payload(only(messages, "camel-smarthome/simplisafe/c0ffee12/event")).path("event_type").asText())
                .isEqualTo("doorbell_detected");
    }

    @Test
    void aPolledSystemEventCarriesTheWholeStatusIntoTheState() {
        List<DiscoveryMessage> messages = discovery.onEvent(DiscoveryFixtures.json(
                io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent.builder().systemId(1234567)
                        .deviceId("1234567").type(PollEventTypes.POWER_OUTAGE)
                        .origin(io.github.camelsmarthome.simplisafe.api.event.SimplisafeEventOrigin.POLL)
                        .raw(tree("{\"alarmState\":\"HOME_COUNT\",\"isAlarming\":false,\"powerOutage\":true,\"isOffline\":false}"))
                        .receivedAt(DiscoveryFixtures.NOW).build()));
        JsonNode state = payload(only(messages, "camel-smarthome/simplisafe/1234567/state"));
        assertThat(state.path("alarm_state").asText()).isEqualTo("arming");
        assertThat(state.path("power_outage").asBoolean()).isTrue();
    }
}
