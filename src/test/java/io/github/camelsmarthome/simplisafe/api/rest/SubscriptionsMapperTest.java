package io.github.camelsmarthome.simplisafe.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.simplisafe.api.SimplisafeFixtures;
import io.github.camelsmarthome.simplisafe.api.model.AlarmPhase;
import io.github.camelsmarthome.simplisafe.api.model.AlarmState;
import io.github.camelsmarthome.simplisafe.api.model.CameraKind;
import io.github.camelsmarthome.simplisafe.api.model.SimplisafeSystem;
import io.github.camelsmarthome.simplisafe.api.model.SystemStatus;
import io.github.camelsmarthome.simplisafe.api.model.SystemVersion;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code subscriptions_response.json} and its variants (brief 4.1). */
class SubscriptionsMapperTest {

    private final SubscriptionsMapper mapper = new SubscriptionsMapper();

    @Test
    void theFixtureIsOneUsableV3System() {
        List<SimplisafeSystem> systems = mapper.systems(SimplisafeFixtures.json("subscriptions_response.json"));

        assertThat(systems).singleElement().satisfies(system -> {
            assertThat(system.sid()).isEqualTo(12345L);
            assertThat(system.userId()).isEqualTo(12345L);
            assertThat(system.planStatus()).isEqualTo(20);
            assertThat(system.planName()).isEqualTo("Interactive Monitoring");
            assertThat(system.activated()).isEqualTo(Instant.ofEpochSecond(1445034752L));
            assertThat(system.active()).isTrue();
            assertThat(system.hasBaseStation()).isTrue();
            assertThat(system.account()).isEqualTo("1234ABCD");
            assertThat(system.addressLabel()).isEqualTo("1234 Main Street, Atlantis");
            assertThat(system.locationOffsetMinutes()).isEqualTo(-360);
            assertThat(system.version()).isEqualTo(SystemVersion.V3);
            assertThat(system.isV3()).isTrue();
            assertThat(system.serial()).isEqualTo("1234ABCD");
            assertThat(system.remoteControl()).containsExactly("ArmDisarm", "LockUnlock", "ViewSettings", "ConfigureSettings");
            assertThat(system.isUsable()).isTrue();
        });
    }

    @Test
    void theLiveStateIsRead() {
        SystemStatus status = mapper.systems(SimplisafeFixtures.json("subscriptions_response.json")).get(0).status();

        assertThat(status.alarmState()).isEqualTo(AlarmState.OFF);
        assertThat(status.alarming()).isFalse();
        assertThat(status.phase()).isEqualTo(AlarmPhase.DISARMED);
        assertThat(status.alarmStateTime()).as("0 means never").isNull();
        assertThat(status.exitDelayRemaining()).isEqualTo(60);
        assertThat(status.temperature()).isEqualTo(67);
        assertThat(status.connectionType()).isEqualTo("wifi");
        assertThat(status.offline()).isFalse();
        assertThat(status.powerOutage()).isFalse();
        assertThat(status.lastPowerOutage()).isEqualTo(Instant.ofEpochSecond(1581991064L));
        assertThat(status.messageCount()).isEqualTo(1);
        assertThat(status.raw().has("cameras")).isFalse();
        assertThat(status.raw().get("serial").asText()).isEqualTo("1234ABCD");
    }

    @Test
    void camerasAreReadWithTheirKindAndAnUnknownModelIsKept() {
        SimplisafeSystem system = mapper.systems(SimplisafeFixtures.json("subscriptions_response.json")).get(0);

        assertThat(system.cameras()).extracting(camera -> camera.uuid() + " " + camera.model() + " " + camera.kind()
                + " " + camera.name()).containsExactly(
                        "1234567890 SS001 INDOOR Camera",
                        "1234567892 SS002 DOORBELL Doorbell",
                        "1234567891 ABC1111111 UNKNOWN Unknown Camera");
        assertThat(system.cameras().get(0).serial()).as("the fixture has no camera serial").isNull();
        assertThat(system.cameras().get(0).isNamedBy("1234567890")).isTrue();
    }

    @Test
    void theSafeWordIsRemovedAndNothingSecretIsInToString() {
        SimplisafeSystem system = mapper.systems(SimplisafeFixtures.json("subscriptions_response.json")).get(0);

        assertThat(system.raw().toString()).doesNotContain("TRITON").contains("Atlantis Citizen 1");
        assertThat(system.toString()).doesNotContain("TRITON").contains("12345");
        assertThat(SimplisafeFixtures.json("subscriptions_response.json").toString()).as("the input is left alone")
                .contains("TRITON");
    }

    @Test
    void subscriptionsWithoutBaseStationOrSystemAreReadButNotUsable() {
        ObjectNode body = SimplisafeFixtures.object("subscriptions_response.json");
        ObjectNode trial = body.get("subscriptions").get(0).deepCopy();
        trial.put("sid", 777).put("activated", 0);
        ((ObjectNode) trial.get("status")).put("hasBaseStation", false);
        ObjectNode noSystem = body.get("subscriptions").get(0).deepCopy();
        noSystem.put("sid", 888);
        ((ObjectNode) noSystem.get("location")).remove("system");
        body.withArray("subscriptions").add(trial).add(noSystem);

        List<SimplisafeSystem> systems = mapper.systems(body);

        assertThat(systems).extracting(SimplisafeSystem::sid).containsExactly(12345L, 777L, 888L);
        assertThat(systems.get(1).activated()).isNull();
        assertThat(systems.get(1).isUsable()).isFalse();
        assertThat(systems.get(2).status()).isNull();
        assertThat(systems.get(2).version()).isNull();
        assertThat(systems.get(2).isUsable()).isFalse();
        assertThat(mapper.usableSystems(body)).extracting(SimplisafeSystem::sid).containsExactly(12345L);
    }

    @Test
    void aMinimalOrBrokenBodyNeverThrows() {
        assertThat(mapper.systems(SimplisafeFixtures.tree("{}"))).isEmpty();
        assertThat(mapper.systems(SimplisafeFixtures.tree("{\"subscriptions\":\"none\"}"))).isEmpty();
        assertThat(mapper.systems(SimplisafeFixtures.tree("[1,2]"))).isEmpty();
        assertThat(mapper.systems(null)).isEmpty();

        List<SimplisafeSystem> systems = mapper.systems(SimplisafeFixtures.tree(
                "{\"subscriptions\":[{}, 5, {\"sid\":1}, {\"location\":{\"sid\":2,\"system\":{\"alarmState\":\"awayCount\","
                        + "\"isAlarming\":\"yes\",\"version\":2}}}]}"));

        assertThat(systems).extracting(SimplisafeSystem::sid).containsExactly(1L, 2L);
        assertThat(systems.get(0).addressLabel()).isEqualTo("System 1");
        assertThat(systems.get(0).cameras()).isEmpty();
        assertThat(systems.get(1).status().alarmState()).isEqualTo(AlarmState.AWAY_COUNT);
        assertThat(systems.get(1).status().alarming()).as("not a boolean: not alarming").isFalse();
        assertThat(systems.get(1).version()).isEqualTo(SystemVersion.V2);
        assertThat(systems.get(1).isUsable()).as("no base station flag").isFalse();
    }

    @Test
    void alarmingOverridesTheArmingState() {
        SystemStatus status = mapper.status(SimplisafeFixtures.tree("{\"alarmState\":\"AWAY\",\"isAlarming\":true}"));

        assertThat(status.phase()).isEqualTo(AlarmPhase.TRIGGERED);
        assertThat(status.alarmState()).isEqualTo(AlarmState.AWAY);
        assertThat(mapper.status(null)).isNull();
    }

    @Test
    void anUnknownCameraKindFollowsTheModel() {
        assertThat(CameraKind.ofModel("SSOBCM4")).isEqualTo(CameraKind.OUTDOOR);
        assertThat(CameraKind.ofModel("SS003")).isEqualTo(CameraKind.INDOOR);
        assertThat(CameraKind.ofModel(null)).isEqualTo(CameraKind.UNKNOWN);
    }
}
