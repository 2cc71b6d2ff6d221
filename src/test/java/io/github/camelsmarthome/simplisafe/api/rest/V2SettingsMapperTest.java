package io.github.camelsmarthome.simplisafe.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.simplisafe.api.SimplisafeFixtures;
import io.github.camelsmarthome.simplisafe.api.model.Sensor;
import io.github.camelsmarthome.simplisafe.api.model.SensorType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sensors of {@code v2_settings_response.json}. */
class V2SettingsMapperTest {

    private final V2SettingsMapper mapper = new V2SettingsMapper();

    @Test
    void theFixturesSensorsAreReadAndItsEmptySlotsSkipped() {
        List<Sensor> sensors = mapper.sensors(SimplisafeFixtures.json("v2_settings_response.json"));

        assertThat(sensors).hasSize(36);
        assertThat(sensors.get(0).serial()).isEqualTo("195");
        assertThat(sensors.get(0).name()).isEqualTo("Garage Keypad");
        assertThat(sensors.get(0).type()).isEqualTo(SensorType.KEYPAD);
        assertThat(sensors).filteredOn(sensor -> sensor.serial().equals("974")).singleElement()
                .satisfies(unknown -> {
                    assertThat(unknown.type().code()).isEqualTo(42);
                    assertThat(unknown.type().isKnown()).isFalse();
                    assertThat(unknown.instantTrigger()).isTrue();
                });
        assertThat(sensors).noneMatch(Sensor::triggered);
        assertThat(sensors.toString()).doesNotContain("1234");
    }

    @Test
    void anOpenEntrySensorIsTriggered() {
        List<Sensor> sensors = mapper.sensors(SimplisafeFixtures.tree(
                "{\"settings\":{\"sensors\":[{\"type\":5,\"serial\":\"1\",\"entryStatus\":\"open\"},"
                        + "{\"type\":4,\"serial\":\"2\",\"entryStatus\":\"open\"}]}}"));

        assertThat(sensors).extracting(Sensor::triggered).containsExactly(true, false);
    }

    @Test
    void aBrokenBodyHasNoSensors() {
        assertThat(mapper.sensors(SimplisafeFixtures.tree("{}"))).isEmpty();
        assertThat(mapper.sensors(null)).isEmpty();
    }
}
