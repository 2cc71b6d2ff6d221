package io.github.camelsmarthome.simplisafe.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The enumerations of brief section 5, which keep values they do not know. */
class EnumerationsTest {

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource({
        "OFF, OFF, DISARMED",
        "off, OFF, DISARMED",
        "HOME, HOME, ARMED_HOME",
        "home, HOME, ARMED_HOME",
        "AWAY, AWAY, ARMED_AWAY",
        "HOME_COUNT, HOME_COUNT, ARMING",
        "homeCount, HOME_COUNT, ARMING",
        "AWAY_COUNT, AWAY_COUNT, ARMING",
        "awayCount, AWAY_COUNT, ARMING",
        "ALARM, ALARM, TRIGGERED",
        "ALARM_COUNT, ALARM_COUNT, PENDING",
        "alarmCount, ALARM_COUNT, PENDING",
        "ENTRY_DELAY, ENTRY_DELAY, PENDING",
        "entryDelay, ENTRY_DELAY, PENDING",
        "EXIT_DELAY, EXIT_DELAY, ARMING",
        "ERROR, ERROR, UNKNOWN",
        "TEST, TEST, DISARMED",
        "vacationMode, VACATION_MODE, UNKNOWN"})
    void alarmStatesAreNormalisedAsSimplipyDoes(String upstream, String name, AlarmPhase phase) {
        AlarmState state = AlarmState.of(upstream);

        assertThat(state.name()).isEqualTo(name);
        assertThat(state.phase()).isEqualTo(phase);
        assertThat(state.isKnown()).isEqualTo(!name.equals("VACATION_MODE"));
    }

    @Test
    void noAlarmStateIsNull() {
        assertThat(AlarmState.of(null)).isNull();
        assertThat(AlarmState.of(" ")).isNull();
        // Found by SimplisafeHostileInputTest: control characters alone are not blank, but trim to nothing.
        assertThat(AlarmState.of("\u0000\u0001")).isNull();
        assertThat(AlarmState.of("off")).isSameAs(AlarmState.OFF);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, remote", "1, keypad", "2, keychain", "3, panic_button", "4, motion", "5, entry", "6, glass_break",
        "7, carbon_monoxide", "8, smoke", "9, leak", "10, temperature", "12, camera", "13, siren",
        "14, smoke_and_carbon_monoxide", "15, doorbell", "16, lock", "17, outdoor_camera", "20, motion_v2",
        "22, outdoor_alarm_security_bell_box", "253, lock_keypad"})
    void everySensorTypeOfTheBriefHasItsName(int code, String label) {
        SensorType type = SensorType.of(code);

        assertThat(type.isKnown()).isTrue();
        assertThat(type.label()).isEqualTo(label);
        assertThat(SensorType.ofLabel(label)).isEqualTo(type);
    }

    @ParameterizedTest
    @CsvSource({"11", "21", "99", "42", "-1"})
    void otherSensorTypesAreUnknownButKeepTheirCode(int code) {
        SensorType type = SensorType.of(code);

        assertThat(type.isKnown()).isFalse();
        assertThat(type.label()).isEqualTo("unknown");
        assertThat(type.code()).isEqualTo(code);
        assertThat(type).hasToString("unknown(" + code + ")");
    }

    @Test
    void onlyTheBriefsTypesReportTriggeredStatus() {
        assertThat(SensorType.ENTRY.reportsTriggeredStatus()).isTrue();
        assertThat(SensorType.TEMPERATURE.reportsTriggeredStatus()).isTrue();
        assertThat(SensorType.MOTION_V2.reportsTriggeredStatus()).isTrue();
        assertThat(SensorType.SMOKE_AND_CARBON_MONOXIDE.reportsTriggeredStatus()).as("own flags").isFalse();
        assertThat(SensorType.KEYPAD.reportsTriggeredStatus()).isFalse();
    }

    @ParameterizedTest(name = "raw {0}, jam {1} -> {2}")
    @CsvSource({
        "1, 0, LOCKED",
        "2, 0, UNLOCKED",
        "1, 1, JAMMED",
        "2, 3, JAMMED",
        "42, 0, UNKNOWN",
        "0, 0, UNKNOWN",
        ", , UNKNOWN",
        "1, , LOCKED",
        ", 1, JAMMED"})
    void rawLockStatesDifferFromNormalisedOnes(Integer raw, Integer jam, LockState expected) {
        assertThat(LockState.fromRaw(raw, jam)).isEqualTo(expected);
    }

    @Test
    void normalisedLockCodesAreSimplipys() {
        assertThat(LockState.UNLOCKED.code()).isZero();
        assertThat(LockState.LOCKED.code()).isEqualTo(1);
        assertThat(LockState.JAMMED.code()).isEqualTo(2);
        assertThat(LockState.UNKNOWN.code()).isEqualTo(99);
    }

    @Test
    void volumesKeepUnknownLevels() {
        assertThat(Volume.ofNullable(0)).isEqualTo(Volume.OFF);
        assertThat(Volume.ofNullable(3).label()).isEqualTo("high");
        assertThat(Volume.ofNullable(2)).hasToString("medium(2)");
        assertThat(Volume.ofNullable(9).isKnown()).isFalse();
        assertThat(Volume.ofNullable(9).label()).isEqualTo("unknown");
        assertThat(Volume.ofNullable(null)).isNull();
    }

    @Test
    void systemVersionsKeepUnknownNumbers() {
        assertThat(SystemVersion.ofNullable(3)).isEqualTo(SystemVersion.V3);
        assertThat(SystemVersion.ofNullable(4).isKnown()).isFalse();
        assertThat(SystemVersion.ofNullable(4)).hasToString("V4");
    }
}
