package io.github.camelsmarthome.miio.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelsmarthome.InvalidConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The devices and subscriptions options, checked at configuration time. */
class MiioSubscriptionsTest {

    private static final MiioEventCatalog CATALOG = MiioEventCatalog.builtIn();
    private static final String BUTTON = "lumi.158d0001a2b3c4";

    @Test
    void aDeviceSubscribesEveryEventOfItsModel() {
        List<EventInfo> events = MiioSubscriptions.parseDevices(
                " " + BUTTON + " : lumi.sensor_switch.aq2 , lumi.158d0001aaaaaa:lumi.sensor_magnet.aq2,", CATALOG);

        assertThat(events).extracting(EventInfo::sourceSid, EventInfo::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple(BUTTON, "l_click_ch0"),
                org.assertj.core.groups.Tuple.tuple(BUTTON, "click_ch0"),
                org.assertj.core.groups.Tuple.tuple(BUTTON, "d_click_ch0"),
                org.assertj.core.groups.Tuple.tuple("lumi.158d0001aaaaaa", "open"),
                org.assertj.core.groups.Tuple.tuple("lumi.158d0001aaaaaa", "close"));
        assertThat(events).allMatch(EventInfo::isBound);
    }

    @Test
    void anEmptyOptionSubscribesNothing() {
        assertThat(MiioSubscriptions.parseDevices(null, CATALOG)).isEmpty();
        assertThat(MiioSubscriptions.parseSubscriptions("  ", CATALOG)).isEmpty();
    }

    @Test
    void aDeviceEntryWithoutModelSaysTheExpectedForm() {
        assertThatThrownBy(() -> MiioSubscriptions.parseDevices(BUTTON, CATALOG))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("devices: entry 'lumi.158d0001a2b3c4' is not of the form sid:model, e.g."
                        + " lumi.158d0001a2b3c4:lumi.sensor_switch.aq2; separate entries with commas");
    }

    @Test
    void aDeviceOfAnUnknownModelNamesTheOptionAndTheKnownModels() {
        assertThatThrownBy(() -> MiioSubscriptions.parseDevices(BUTTON + ":lumi.sensor_switch.aq9", CATALOG))
                .isInstanceOf(InvalidConfigurationException.class)
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).option()).isEqualTo("devices"))
                .hasMessageContaining("model 'lumi.sensor_switch.aq9' is not in the event catalog")
                .hasMessageContaining("lumi.sensor_switch.aq2");
    }

    @Test
    void aDeviceListedTwiceIsRefused() {
        assertThatThrownBy(() -> MiioSubscriptions.parseDevices(
                BUTTON + ":lumi.sensor_switch.aq2," + BUTTON + ":lumi.sensor_magnet.aq2", CATALOG))
                .hasMessageContaining("device lumi.158d0001a2b3c4 is already listed as lumi.sensor_switch.aq2");
    }

    @Test
    void aDeviceIdTooLongForTheCommandLimitIsRefusedUpFront() {
        String longSid = "lumi.158d0001a2b3c4ffff";

        assertThatThrownBy(() -> MiioSubscriptions.parseDevices(longSid + ":lumi.sensor_switch.aq2", CATALOG))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("devices: device " + longSid + ", action 'l_click_ch0'")
                .hasMessageContaining("is 52 characters");
    }

    @Test
    void aSubscriptionNamesOneEventOfTheCatalog() {
        List<EventInfo> events = MiioSubscriptions.parseSubscriptions(
                BUTTON + ":lumi.sensor_switch.aq2:click_ch0," + BUTTON + ":lumi.sensor_switch.aq2:click_ch0", CATALOG);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo("click_ch0");
            assertThat(event.extra()).isEqualTo("[1,13,1,85,[0,1],0,0]");
            assertThat(event.sourceSid()).isEqualTo(BUTTON);
            assertThat(event.sourceModel()).isEqualTo("lumi.sensor_switch.aq2");
        });
    }

    @Test
    void aSubscriptionToAnActionTheModelLacksListsTheActionsItHas() {
        assertThatThrownBy(() -> MiioSubscriptions.parseSubscriptions(BUTTON + ":lumi.sensor_switch.aq2:shake", CATALOG))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("subscriptions: entry 'lumi.158d0001a2b3c4:lumi.sensor_switch.aq2:shake':"
                        + " model lumi.sensor_switch.aq2 has no action 'shake'")
                .hasMessageContaining("its actions are l_click_ch0, click_ch0, d_click_ch0");
    }

    @Test
    void aSubscriptionWithMissingPartsSaysTheExpectedForm() {
        assertThatThrownBy(() -> MiioSubscriptions.parseSubscriptions(BUTTON + ":lumi.sensor_switch.aq2:", CATALOG))
                .hasMessageContaining("is not of the form sid:model:action");
        assertThatThrownBy(() -> MiioSubscriptions.parseSubscriptions("a:b:c:d", CATALOG))
                .hasMessageContaining("is not of the form sid:model:action");
    }

    @Test
    void aSidWithAnUnderscoreIsRefusedBecauseTheEventCouldNotBeReadBack() {
        assertThatThrownBy(() -> MiioSubscriptions.parseSubscriptions("lumi_1:lumi.sensor_switch.aq2:click_ch0", CATALOG))
                .hasMessageStartingWith("subscriptions: device 'lumi_1'")
                .hasMessageContaining("no '_' or ':'");
    }

    @Test
    void bothOptionsTogetherCountAnEventOnceAndInsistOnOneModelPerDevice() {
        List<EventInfo> events = MiioSubscriptions.parse(BUTTON + ":lumi.sensor_switch.aq2",
                BUTTON + ":lumi.sensor_switch.aq2:click_ch0,lumi.158d0001aaaaaa:lumi.sensor_magnet.aq2:open", CATALOG);

        assertThat(events).hasSize(4);
        assertThatThrownBy(() -> MiioSubscriptions.parse(BUTTON + ":lumi.sensor_switch.aq2",
                BUTTON + ":lumi.sensor_86sw1.v1:click_ch0", CATALOG))
                .hasMessageContaining("listed as lumi.sensor_86sw1.v1 here but as lumi.sensor_switch.aq2 in devices");
    }

    /** Brief section 9: every model of the catalog can be subscribed, planned and encoded with a typical sid. */
    @Test
    void everyEventOfEveryCatalogModelIsReachable() {
        for (String model : CATALOG.models()) {
            String sid = model.startsWith("lumi.gateway.") ? "123456789" : BUTTON;
            List<EventInfo> events = MiioSubscriptions.parseDevices(sid + ":" + model, CATALOG);
            SubscriptionPlan plan = SubscriptionPlan.of("123456789", events);
            String text = new LocalSceneEncoder(PushTarget.at("192.168.1.50")).encode(plan.scenes(), 1700000000L,
                    SceneTokens.of("937ff2747147a227f331220010f6d9ff", "0f1e2d3c4b5a69788796a5b4c3d2e1f0"));

            assertThat(events).as(model).extracting(EventInfo::action).containsExactlyElementsOf(CATALOG.actionsOf(model));
            assertThat(plan.sceneIds()).as(model).hasSize(events.size()).doesNotHaveDuplicates();
            assertThat(text).as(model).contains("\"key\":\"event." + model + ".");
        }
    }
}
