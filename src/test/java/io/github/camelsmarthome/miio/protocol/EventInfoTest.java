package io.github.camelsmarthome.miio.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Brief 6.3: the defaults, and that applying them never changes a shared value. */
class EventInfoTest {

    @Test
    void optionalFieldsTakeTheBriefsDefaults() {
        EventInfo event = EventInfo.of("click_ch0", "[1,13,1,85,[0,1],0,0]");

        assertThat(event.event()).isEqualTo("click_ch0");
        assertThat(event.commandExtra()).isEmpty();
        assertThat(event.triggerValue()).isNull();
        assertThat(event.triggerToken()).isEqualTo(TriggerToken.NONE);
        assertThat(event.isBound()).isFalse();
    }

    @Test
    void gatewayDefaultsMakeANewValueSoOneEntryServesTwoGateways() {
        EventInfo alarm = MiioEventCatalog.builtIn().event("lumi.gateway.v3", "alarm_triggering").orElseThrow();
        EventInfo unbound = new EventInfo(alarm.action(), alarm.extra(), null, null, null, alarm.triggerToken(), null, null);

        EventInfo first = unbound.withGatewayDefaults("123456789", "lumi.gateway.v3");
        EventInfo second = unbound.withGatewayDefaults("987654321", "lumi.gateway.mieu01");

        assertThat(first.sourceSid()).isEqualTo("123456789");
        assertThat(second.sourceSid()).isEqualTo("987654321");
        assertThat(second.sourceModel()).isEqualTo("lumi.gateway.mieu01");
        assertThat(unbound.sourceSid()).isNull();
        assertThat(unbound.sourceModel()).isNull();
    }

    @Test
    void aBoundEventKeepsItsSourceWhenGatewayDefaultsAreApplied() {
        EventInfo bound = EventInfo.of("open", "[1,6,1,0,[0,1],2,0]").withSource("lumi.158d0001a2b3c4", "lumi.sensor_magnet.aq2");

        assertThat(bound.withGatewayDefaults("123456789", "lumi.gateway.v3")).isEqualTo(bound);
    }

    @Test
    void theTriggerValueCannotBeChangedFromOutside() {
        ObjectNode value = new ObjectMapper().createObjectNode().put("max", 20);
        EventInfo event = new EventInfo("dark", "[1,1024,1,0,[3,20],0,0]", null, null, value, null, null, null);

        value.put("max", 99);
        ((ObjectNode) event.triggerValue()).put("min", 5);

        assertThat(event.triggerValue().toString()).isEqualTo("{\"max\":20}");
    }

    @Test
    void aFixedTriggerTokenNeverAppearsInToString() {
        String token = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
        EventInfo event = new EventInfo("alarm", "[1]", null, null, null, TriggerToken.literal(token), "123", "lumi.gateway.v3");

        assertThat(event.toString()).doesNotContain(token).contains("hidden");
        assertThat(TriggerToken.literal(token).toString()).doesNotContain(token);
        assertThat(SceneTokens.of("937ff2747147a227f331220010f6d9ff", token).toString())
                .doesNotContain(token).doesNotContain("937ff2747147a227f331220010f6d9ff");
    }
}
