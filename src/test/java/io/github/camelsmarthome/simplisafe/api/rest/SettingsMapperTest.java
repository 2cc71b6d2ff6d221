package io.github.camelsmarthome.simplisafe.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.simplisafe.api.SimplisafeFixtures;
import io.github.camelsmarthome.simplisafe.api.model.PinSlot;
import io.github.camelsmarthome.simplisafe.api.model.SystemSettings;
import io.github.camelsmarthome.simplisafe.api.model.Volume;
import org.junit.jupiter.api.Test;

/** {@code v3_settings_response.json} and its variants (brief 4.3). */
class SettingsMapperTest {

    private final SettingsMapper mapper = new SettingsMapper();

    @Test
    void theFixturesSettingsAreRead() {
        SystemSettings settings = mapper.settings(SimplisafeFixtures.json("v3_settings_response.json")).orElseThrow();

        assertThat(settings.alarmDurationSeconds()).isEqualTo(240);
        assertThat(settings.alarmVolume()).isEqualTo(Volume.HIGH);
        assertThat(settings.chimeVolume()).isEqualTo(Volume.MEDIUM);
        assertThat(settings.voicePromptVolume()).isEqualTo(Volume.MEDIUM);
        assertThat(settings.entryDelayAwaySeconds()).isEqualTo(30);
        assertThat(settings.entryDelayHomeSeconds()).isEqualTo(30);
        assertThat(settings.exitDelayAwaySeconds()).isEqualTo(60);
        assertThat(settings.exitDelayHomeSeconds()).isZero();
        assertThat(settings.light()).isTrue();
        assertThat(settings.wifiSsid()).isEqualTo("MY_WIFI");
        assertThat(settings.normal().get("entryDelayAway2").intValue()).as("unknown keys kept").isEqualTo(30);
        assertThat(settings.baseStation().rfJamming()).isFalse();
        assertThat(settings.baseStation().wifiRssi()).isEqualTo(-49);
        assertThat(settings.baseStation().gsmRssi()).isEqualTo(-73);
        assertThat(settings.baseStation().backupBattery()).isEqualTo(5293);
        assertThat(settings.baseStation().wallPower()).isEqualTo(5933);
    }

    @Test
    void pinSlotsAreKnownButNoPinIsKeptAnywhere() {
        SystemSettings settings = mapper.settings(SimplisafeFixtures.json("v3_settings_response.json")).orElseThrow();

        assertThat(settings.pinSlots()).containsExactly(
                new PinSlot("master", null, true),
                new PinSlot("duress", null, true),
                new PinSlot("user1", "Test 1", true),
                new PinSlot("user2", "Test 2", true),
                new PinSlot("user3", null, false),
                new PinSlot("user4", null, false));
        assertThat(settings.toString() + settings.pinSlots() + settings.normal() + settings.baseStation().raw())
                .doesNotContain("3454", "5424", "9876", "1234");
    }

    @Test
    void userPinsKeyedByIndexAsInRequestsAreReadToo() {
        SystemSettings settings = mapper.settings(SimplisafeFixtures.tree("{\"settings\":{\"pins\":{\"master\":{\"pin\":\"1234\"},"
                + "\"users\":{\"0\":{\"name\":\"A\",\"pin\":\"3454\"},\"1\":{\"name\":\"\",\"pin\":\"\"}}}}}")).orElseThrow();

        assertThat(settings.pinSlots()).containsExactly(new PinSlot("master", null, true), new PinSlot("user1", "A", true),
                new PinSlot("user2", null, false));
    }

    @Test
    void anEmptyAnswerKeepsThePreviousSettings() {
        assertThat(mapper.settings(SimplisafeFixtures.tree("{}"))).isEmpty();
        assertThat(mapper.settings(SimplisafeFixtures.tree("{\"settings\":{}}"))).isEmpty();
        assertThat(mapper.settings(SimplisafeFixtures.tree("\"\""))).isEmpty();
        assertThat(mapper.settings(null)).isEmpty();
    }

    @Test
    void missingAndOddValuesAreAbsentNotFatal() {
        SystemSettings settings = mapper.settings(SimplisafeFixtures.tree(
                "{\"settings\":{\"normal\":{\"alarmVolume\":7,\"alarmDuration\":\"240\",\"light\":\"on\"}}}")).orElseThrow();

        assertThat(settings.alarmVolume().isKnown()).isFalse();
        assertThat(settings.alarmVolume().level()).isEqualTo(7);
        assertThat(settings.alarmDurationSeconds()).isEqualTo(240);
        assertThat(settings.light()).isNull();
        assertThat(settings.chimeVolume()).isNull();
        assertThat(settings.baseStation()).isNull();
        assertThat(settings.pinSlots()).isEmpty();
    }
}
