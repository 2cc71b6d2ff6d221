package io.github.camelsmarthome.simplisafe;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.camelsmarthome.simplisafe.api.client.SettingsInProgressException;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simplisafe.api.model.ArmResponse;
import io.github.camelsmarthome.simplisafe.api.model.Lock;
import io.github.camelsmarthome.simplisafe.api.model.Sensor;
import io.github.camelsmarthome.simplisafe.api.model.SimplisafeSystem;
import io.github.camelsmarthome.simplisafe.api.model.SystemSettings;
import io.github.camelsmarthome.simplisafe.api.model.SystemStatus;
import io.github.camelsmarthome.simulator.simplisafe.RequestKind;
import io.github.camelsmarthome.simulator.simplisafe.SimulatedLocks;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@code simplisafe:<operation>} against the fake cloud: reads, arming, locks, safety checks and typed errors. */
class SimplisafeProducerTest extends SimplisafeComponentTestSupport {

    private ProducerTemplate template;

    private void start(Consumer<SimplisafeConfiguration> tuning) throws Exception {
        startRoutes(tuning, new RouteBuilder() {
            @Override
            public void configure() {
                // The producer tests need no consumer; each operation is one direct route.
                for (SimplisafeOperation operation : SimplisafeOperation.values()) {
                    from("direct:" + operation).to("simplisafe:" + operation);
                }
            }
        });
        template = context.createProducerTemplate();
    }

    private int restCalls() {
        return cloud.requests().ofKind(RequestKind.REST).size();
    }

    @Test
    void readsSystemsStateSensorsLocksEventsAndSettings() throws Exception {
        start(configuration -> { });
        List<?> systems = template.requestBody("direct:getSystems", (Object) null, List.class);
        assertThat(systems).singleElement().isInstanceOfSatisfying(SimplisafeSystem.class, s -> assertThat(s.sid()).isEqualTo(SID));

        // No systemId anywhere: the account's only system is used.
        assertThat(template.requestBody("direct:getState", (Object) null)).isInstanceOf(SystemStatus.class);
        List<?> sensors = template.requestBodyAndHeader("direct:getSensors", null, SimplisafeConstants.SYSTEM_ID, SID, List.class);
        assertThat(sensors).isNotEmpty().allMatch(Sensor.class::isInstance);
        List<?> locks = template.requestBody("direct:getLocks", (Object) null, List.class);
        assertThat(locks).isNotEmpty().allMatch(Lock.class::isInstance);
        cloud.emitEvent(1110);
        List<?> history = template.requestBody("direct:getEvents", (Object) null, List.class);
        assertThat(history).isNotEmpty().allMatch(SimplisafeEvent.class::isInstance);
        assertThat(template.requestBody("direct:getSettings", (Object) null)).isInstanceOf(SystemSettings.class);
    }

    @Test
    void setStateArmsAndDisarmsWithTheRightCode() throws Exception {
        start(configuration -> configuration.setArmCode("1234"));
        Object answer = template.requestBodyAndHeader("direct:setState", "ARM_HOME", SimplisafeConstants.CODE, "1234");
        assertThat(answer).isInstanceOf(ArmResponse.class);
        await().atMost(TIMEOUT).until(() -> cloud.system().alarmState().name().startsWith("HOME"));

        template.sendBodyAndHeaders("direct:setState", null, Map.of(SimplisafeConstants.TARGET_STATE, "off",
                SimplisafeConstants.CODE, "1234"));
        await().atMost(TIMEOUT).until(() -> "OFF".equals(cloud.system().alarmState().name()));
    }

    @Test
    void aWrongOrMissingCodeIsRefusedBeforeAnyCallAndNeverEchoed() throws Exception {
        start(configuration -> configuration.setArmCode("1234"));
        template.requestBody("direct:getState", (Object) null); // learns the only system
        int before = restCalls();

        Exchange wrong = template.request("direct:setState", exchange -> {
            exchange.getMessage().setBody("away");
            exchange.getMessage().setHeader(SimplisafeConstants.CODE, "9999");
        });
        assertThat(wrong.getException()).isInstanceOf(SimplisafeCommandRefusedException.class)
                .hasMessageContaining("code is wrong").hasMessageNotContaining("9999").hasMessageNotContaining("1234");
        Exchange missing = template.request("direct:setState", exchange -> exchange.getMessage().setBody("away"));
        assertThat(missing.getException()).isInstanceOf(SimplisafeCommandRefusedException.class).hasMessageContaining("no code");
        assertThat(restCalls()).isEqualTo(before);
        assertThat(cloud.system().alarmState().name()).isEqualTo("OFF");
    }

    @Test
    void aBadTargetStateIsOneClearError() throws Exception {
        start(configuration -> { });
        assertThatThrownBy(() -> template.requestBody("direct:setState", "party"))
                .isInstanceOf(CamelExecutionException.class).cause()
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("off, home or away").hasMessageContaining("PARTY");
    }

    @Test
    void locksAndUnlocksUnlessUnlockingIsSwitchedOff() throws Exception {
        start(configuration -> configuration.setLockSerial(FRONT_DOOR_LOCK));
        template.requestBody("direct:unlock", (Object) null);
        await().atMost(TIMEOUT).until(() -> cloud.system().locks().lockState(FRONT_DOOR_LOCK) == SimulatedLocks.UNLOCKED);
        template.requestBody("direct:lock", (Object) null);
        await().atMost(TIMEOUT).until(() -> cloud.system().locks().lockState(FRONT_DOOR_LOCK) == SimulatedLocks.LOCKED);
    }

    @Test
    void unlockIsRefusedWhenAllowUnlockIsOff() throws Exception {
        start(configuration -> {
            configuration.setLockSerial(FRONT_DOOR_LOCK);
            configuration.setAllowUnlock(false);
        });
        int before = restCalls();
        Exchange refused = template.request("direct:unlock", exchange -> { });
        assertThat(refused.getException()).isInstanceOf(SimplisafeCommandRefusedException.class).hasMessageContaining("allowUnlock");
        assertThat(restCalls()).isEqualTo(before);
        assertThat(cloud.system().locks().lockState(FRONT_DOOR_LOCK)).isEqualTo(SimulatedLocks.LOCKED);
    }

    @Test
    void aBusyBaseStationFailsWithTheTypedErrorAndItsStatus() throws Exception {
        start(configuration -> { });
        cloud.faults().settingsInProgressOnNextArm(10);
        Exchange busy = template.request("direct:setState", exchange -> exchange.getMessage().setBody("home"));
        assertThat(busy.getException()).isInstanceOf(SettingsInProgressException.class);
        assertThat(busy.getMessage().getHeader(SimplisafeConstants.HTTP_STATUS, Integer.class)).isEqualTo(409);
        assertThat(cloud.system().alarmState().name()).isEqualTo("OFF");
    }
}
