package io.github.camelsmarthome.homeassistant.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What a setting entity accepts from a command: the checks run before any call. */
class HomeConnectSettingTest {

    private static final HomeConnectSetting SETPOINT = HomeConnectSetting.number("setpoint", "Target", "Cooking.Oven.Option.X",
            "°C", "temperature", 30, 250, 5);

    @Test
    void aNumberMustBeOnAStepFromTheMinimum() {
        assertThat(SETPOINT.valueOf("185").asInt()).isEqualTo(185);
        assertThat(SETPOINT.valueOf(" 30 ").asInt()).isEqualTo(30);
        assertThatThrownBy(() -> SETPOINT.valueOf("182")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("steps of 5 from 30");
    }

    @Test
    void theBoundsAreIncludedAndNothingBeyondThem() {
        assertThat(SETPOINT.valueOf("250").asInt()).isEqualTo(250);
        assertThatThrownBy(() -> SETPOINT.valueOf("255")).hasMessageContaining("from 30 to 250 °C");
        assertThatThrownBy(() -> SETPOINT.valueOf("25")).hasMessageContaining("from 30 to 250 °C");
    }

    @Test
    void aFractionalStepKeepsTheFractionAndAWholeValueIsWrittenWhole() {
        HomeConnectSetting half = new HomeConnectSetting("x", "X", "A.B.Setting.X", "x", true, false, "%", null,
                BigDecimal.ZERO, BigDecimal.TEN, new BigDecimal("0.5"));

        assertThat(half.valueOf("2.5").toString()).isEqualTo("2.5");
        assertThat(half.valueOf("3.0").toString()).isEqualTo("3");
        assertThatThrownBy(() -> half.valueOf("2.25")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSwitchTakesOnOrOffInAnyCaseAndNothingElse() {
        HomeConnectSetting lock = HomeConnectSetting.toggle("child_lock", "Child lock", "BSH.Common.Setting.ChildLock");

        assertThat(lock.valueOf("on").booleanValue()).isTrue();
        assertThat(lock.valueOf("OFF").booleanValue()).isFalse();
        assertThatThrownBy(() -> lock.valueOf("true")).hasMessageContaining("ON or OFF");
        assertThatThrownBy(() -> lock.valueOf("1")).hasMessageContaining("ON or OFF");
    }

    @Test
    void aNumberWithoutAUsableRangeCannotBeDeclared() {
        assertThatThrownBy(() -> new HomeConnectSetting("x", "X", "k", "x", true, false, null, null, BigDecimal.TEN,
                BigDecimal.ONE, BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HomeConnectSetting("x", "X", "k", "x", true, false, null, null, BigDecimal.ZERO,
                BigDecimal.ONE, BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
