package io.github.camelsmarthome.simplisafe.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.simplisafe.api.SimplisafeFixtures;
import io.github.camelsmarthome.simplisafe.api.model.Lock;
import io.github.camelsmarthome.simplisafe.api.model.LockState;
import io.github.camelsmarthome.simplisafe.api.model.Sensor;
import io.github.camelsmarthome.simplisafe.api.model.SensorReadout;
import io.github.camelsmarthome.simplisafe.api.model.SensorType;
import io.github.camelsmarthome.testing.CapturedLogs;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code v3_sensors_response.json} and its variants (brief 4.2). */
class SensorsMapperTest {

    private final SensorsMapper mapper = new SensorsMapper();

    @Test
    void theFixtureSplitsIntoSensorsAndLocks() {
        SensorReadout readout = readout();

        assertThat(readout.sensors()).hasSize(25);
        assertThat(readout.locks()).extracting(Lock::serial).containsExactly("987", "654", "321");
        assertThat(readout.sensors()).filteredOn(sensor -> SensorType.LOCK_KEYPAD.equals(sensor.type()))
                .extracting(Sensor::serial).containsExactly("987a", "654a", "321a");
        assertThat(readout.lastUpdated()).isEqualTo(Instant.ofEpochSecond(1534626361L));
        assertThat(readout.lastStatusUpdate()).isEqualTo(Instant.ofEpochSecond(1534626358L));
    }

    @Test
    void locksReadRawOneAsLockedAJamAsJammedAndAnUnknownValueAsUnknownKeepingIt() {
        Map<String, Lock> locks = readout().locks().stream().collect(Collectors.toMap(Lock::serial, Function.identity()));

        assertThat(locks.get("987").state()).isEqualTo(LockState.LOCKED);
        assertThat(locks.get("987").rawLockState()).isEqualTo(1);
        assertThat(locks.get("987").name()).isEqualTo("Front Door");
        assertThat(locks.get("654").state()).as("lockJamState 1 wins over lockState 1").isEqualTo(LockState.JAMMED);
        assertThat(locks.get("321").state()).isEqualTo(LockState.UNKNOWN);
        assertThat(locks.get("321").rawLockState()).isEqualTo(42);
        assertThat(locks.get("321").lowBattery()).isFalse();
        assertThat(locks.get("321").raw().get("firmwareVersion").asText()).isEqualTo("1.0.0");
    }

    @Test
    void sensorValuesAreDerivedAsSimplipyDoes() {
        Map<String, Sensor> sensors = sensorsBySerialAndType();

        Sensor freeze = sensors.get("320/10");
        assertThat(freeze.temperature()).isEqualTo(67);
        assertThat(freeze.triggered()).isFalse();
        Sensor patio = sensors.get("185/5");
        assertThat(patio.instantTrigger()).isTrue();
        assertThat(patio.type()).isEqualTo(SensorType.ENTRY);
        Sensor kitchenSmokeCo = sensors.get("00000000/14");
        assertThat(kitchenSmokeCo.offline()).isTrue();
        assertThat(kitchenSmokeCo.triggered()).isFalse();
        assertThat(kitchenSmokeCo.raw().get("rssi").intValue()).as("unknown fields kept").isEqualTo(-45);
        assertThat(sensors.get("236/13").temperature()).as("only freeze sensors have one").isNull();
    }

    @Test
    void triggeredFollowsTheTypeRules() {
        assertThat(sensor("{\"serial\":\"1\",\"type\":5,\"status\":{\"triggered\":true}}").triggered()).isTrue();
        assertThat(sensor("{\"serial\":\"1\",\"type\":20,\"status\":{\"triggered\":true}}").triggered()).isTrue();
        assertThat(sensor("{\"serial\":\"1\",\"type\":14,\"status\":{\"smokeTriggered\":true}}").triggered()).isTrue();
        assertThat(sensor("{\"serial\":\"1\",\"type\":14,\"status\":{\"coTriggered\":true}}").triggered()).isTrue();
        assertThat(sensor("{\"serial\":\"1\",\"type\":14,\"status\":{\"triggered\":true}}").triggered()).isFalse();
        assertThat(sensor("{\"serial\":\"1\",\"type\":1,\"status\":{\"triggered\":true}}").triggered()).as("keypad").isFalse();
        assertThat(sensor("{\"serial\":\"1\",\"type\":21,\"status\":{\"triggered\":true}}").triggered()).isFalse();
    }

    @Test
    void everyFieldButTheSerialMayBeMissing() {
        Sensor bare = sensor("{\"serial\":\"abc\"}");

        assertThat(bare.name()).as("defaults to the serial").isEqualTo("abc");
        assertThat(bare.type()).isNull();
        assertThat(bare.triggered()).isFalse();
        assertThat(bare.lowBattery()).isFalse();
        assertThat(sensor("{\"serial\":\"abc\",\"name\":\"\",\"flags\":null,\"status\":[1],\"type\":\"x\"}").name())
                .isEqualTo("abc");
        Lock bareLock = mapper.lock(SimplisafeFixtures.tree("{\"serial\":\"9\",\"type\":16}"));
        assertThat(bareLock.state()).isEqualTo(LockState.UNKNOWN);
        assertThat(bareLock.rawLockState()).isNull();
    }

    @Test
    void entriesWithoutSerialAreSkippedAndLogged() {
        try (CapturedLogs logs = CapturedLogs.capture(SensorsMapper.class.getName())) {
            SensorReadout readout = mapper.readout(SimplisafeFixtures.tree(
                    "{\"sensors\":[{\"type\":5}, 7, {\"serial\":\"\"}, {\"serial\":\"1\",\"type\":5},"
                            + "{\"serial\":2,\"type\":16,\"status\":{\"lockState\":2}}]}"), 42);

            assertThat(readout.sensors()).extracting(Sensor::serial).containsExactly("1");
            assertThat(readout.locks()).singleElement().satisfies(lock -> {
                assertThat(lock.serial()).isEqualTo("2");
                assertThat(lock.state()).isEqualTo(LockState.UNLOCKED);
            });
            assertThat(logs.allText()).contains("Skipped 3 of 5", "system 42");
        }
    }

    @Test
    void aBrokenBodyIsAnEmptyReadout() {
        assertThat(mapper.readout(SimplisafeFixtures.tree("{}"), 1).sensors()).isEmpty();
        assertThat(mapper.readout(null, 1).locks()).isEmpty();
        assertThat(mapper.readout(SimplisafeFixtures.tree("\"Unauthorized\""), 1).lastUpdated()).isNull();
    }

    private SensorReadout readout() {
        return mapper.readout(SimplisafeFixtures.json("v3_sensors_response.json"), 12345);
    }

    /** Serials repeat across types in the fixture (two "Basement"), so key by serial and type. */
    private Map<String, Sensor> sensorsBySerialAndType() {
        return readout().sensors().stream()
                .collect(Collectors.toMap(sensor -> sensor.serial() + "/" + sensor.type().code(), Function.identity()));
    }

    private Sensor sensor(String json) {
        return mapper.sensor(SimplisafeFixtures.tree(json));
    }
}
