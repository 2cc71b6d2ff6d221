package io.github.camelsmarthome.miio.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Brief 6.4 / 11.5: scene ids that survive a restart and differ per subscription. */
class DeterministicSceneIdTest {

    private static final String SID = "lumi.158d0001a2b3c4";

    @Test
    void theSameGatewayDeviceAndActionAlwaysGiveTheSameId() {
        assertThat(DeterministicSceneId.of("123456789", SID, "click_ch0"))
                .isEqualTo(DeterministicSceneId.of("123456789", SID, "click_ch0"))
                .matches("x\\.scene\\.[1-9][0-9]{9}");
    }

    @Test
    void anyChangedPartGivesAnotherId() {
        String id = DeterministicSceneId.of("123456789", SID, "click_ch0");

        assertThat(DeterministicSceneId.of("123456780", SID, "click_ch0")).isNotEqualTo(id);
        assertThat(DeterministicSceneId.of("123456789", "lumi.158d0001a2b3c5", "click_ch0")).isNotEqualTo(id);
        assertThat(DeterministicSceneId.of("123456789", SID, "click_ch1")).isNotEqualTo(id);
        assertThat(DeterministicSceneId.of("12345678", "9" + SID, "click_ch0"))
                .as("parts are length-prefixed, not just concatenated").isNotEqualTo(id);
    }

    @Test
    void everyEventOfTheCatalogOnOneGatewayGetsItsOwnId() {
        MiioEventCatalog catalog = MiioEventCatalog.builtIn();
        Set<String> ids = new HashSet<>();
        int subscriptions = 0;
        for (String model : catalog.models()) {
            for (EventInfo event : catalog.eventsOf(model)) {
                ids.add(DeterministicSceneId.of("192.168.1.20", "lumi.158d00" + model.hashCode(), event.action()));
                subscriptions++;
            }
        }
        assertThat(ids).hasSize(subscriptions);
    }

    @Test
    void twoSubscriptionsWithTheSameIdInOneConfigurationAreRefused() {
        List<String> clash = findCollidingActions();
        List<EventInfo> events = List.of(
                EventInfo.of(clash.get(0), "[1]").withSource(SID, "lumi.sensor_switch.aq2"),
                EventInfo.of(clash.get(1), "[2]").withSource(SID, "lumi.sensor_switch.aq2"));

        assertThatThrownBy(() -> SubscriptionPlan.of("gw", events))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gateway gw: scene id " + DeterministicSceneId.of("gw", SID, clash.get(0)))
                .hasMessageContaining("action '" + clash.get(0) + "'")
                .hasMessageContaining("action '" + clash.get(1) + "'")
                .hasMessageContaining("hash collision");
    }

    @Test
    void theSameActionWithTwoTriggersOnOneDeviceIsRefused() {
        List<EventInfo> events = List.of(
                EventInfo.of("click", "[1]").withSource(SID, "m"),
                EventInfo.of("click", "[2]").withSource(SID, "m"));

        assertThatThrownBy(() -> SubscriptionPlan.of("gw", events))
                .hasMessageContaining("device " + SID + ", action 'click' is subscribed twice with different triggers");
    }

    @Test
    void aPlanFindsTheModelOfAnIncomingEventsDevice() {
        SubscriptionPlan plan = SubscriptionPlan.of("gw", MiioSubscriptions.parseDevices(SID + ":lumi.sensor_switch.aq2",
                MiioEventCatalog.builtIn()));

        assertThat(plan.modelOf(SID)).contains("lumi.sensor_switch.aq2");
        assertThat(plan.modelOf("lumi.0")).isEmpty();
        assertThat(plan.sceneFor(SID, "click_ch0").orElseThrow().sceneId())
                .isEqualTo(DeterministicSceneId.of("gw", SID, "click_ch0"));
    }

    /** Birthday search over short actions of one device: deterministic, finds a pair in well under a second. */
    private static List<String> findCollidingActions() {
        Map<String, String> actionById = new HashMap<>();
        for (int i = 0; i < 2_000_000; i++) {
            String action = "a" + i;
            String previous = actionById.putIfAbsent(DeterministicSceneId.of("gw", SID, action), action);
            if (previous != null) {
                return List.of(previous, action);
            }
        }
        throw new AssertionError("no collision found; the id range is larger than documented");
    }
}
