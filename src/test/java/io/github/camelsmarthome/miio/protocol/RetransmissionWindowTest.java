package io.github.camelsmarthome.miio.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetransmissionWindowTest {

    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
    private final InetAddress gateway = InetAddress.getLoopbackAddress();
    private final RetransmissionWindow window = new RetransmissionWindow(Duration.ofSeconds(60), 3);

    @Test
    void anEventNotSeenBeforeIsNoRetransmission() {
        assertThat(window.isRetransmission(gateway, 7, "click_ch0:lumi_1", T0)).isFalse();
    }

    @Test
    void theSameGatewayIdAndMethodWithinTheWindowIsARetransmission() {
        window.remember(gateway, 7, "click_ch0:lumi_1", T0);

        assertThat(window.isRetransmission(gateway, 7, "click_ch0:lumi_1", T0.plusSeconds(59))).isTrue();
    }

    @Test
    void anotherIdMethodOrGatewayIsNoRetransmission() throws Exception {
        window.remember(gateway, 7, "click_ch0:lumi_1", T0);
        InetAddress other = InetAddress.getByName("127.0.0.2");

        assertThat(window.isRetransmission(gateway, 8, "click_ch0:lumi_1", T0)).isFalse();
        assertThat(window.isRetransmission(gateway, 7, "click_ch1:lumi_1", T0)).isFalse();
        assertThat(window.isRetransmission(other, 7, "click_ch0:lumi_1", T0)).isFalse();
    }

    @Test
    void anEventOlderThanTheWindowIsForgotten() {
        window.remember(gateway, 7, "m:s", T0);

        assertThat(window.isRetransmission(gateway, 7, "m:s", T0.plusSeconds(61))).isFalse();
        assertThat(window.size()).isZero();
    }

    @Test
    void aRetransmissionRestartsTheWindowSoAPersistentGatewayIsNeverDeliveredTwice() {
        window.remember(gateway, 7, "m:s", T0);
        assertThat(window.isRetransmission(gateway, 7, "m:s", T0.plusSeconds(50))).isTrue();

        assertThat(window.isRetransmission(gateway, 7, "m:s", T0.plusSeconds(100))).isTrue();
    }

    @Test
    void beyondCapacityTheOldestEventIsForgottenFirst() {
        for (int id = 1; id <= 4; id++) {
            window.remember(gateway, id, "m:s", T0);
        }

        assertThat(window.size()).isEqualTo(3);
        assertThat(window.isRetransmission(gateway, 1, "m:s", T0)).isFalse();
        assertThat(window.isRetransmission(gateway, 4, "m:s", T0)).isTrue();
    }

    @Test
    void forgettingAGatewayDropsOnlyItsEvents() throws Exception {
        InetAddress other = InetAddress.getByName("127.0.0.2");
        window.remember(gateway, 1, "m:s", T0);
        window.remember(other, 1, "m:s", T0);

        window.forget(gateway);

        assertThat(window.isRetransmission(gateway, 1, "m:s", T0)).isFalse();
        assertThat(window.isRetransmission(other, 1, "m:s", T0)).isTrue();
    }

    @Test
    void aMovedGatewaysEventsAreRetransmissionsAtItsNewAddressOnly() throws Exception {
        InetAddress moved = InetAddress.getByName("127.0.0.3");
        window.remember(gateway, 7, "click_ch0:lumi_1", T0);

        window.move(gateway, moved);

        assertThat(window.isRetransmission(moved, 7, "click_ch0:lumi_1", T0.plusSeconds(1))).isTrue();
        assertThat(window.isRetransmission(gateway, 7, "click_ch0:lumi_1", T0.plusSeconds(1))).isFalse();
    }

    @Test
    void containsSeesARememberedEventWithinTheWindowOnly() {
        window.remember(gateway, 7, "click_ch0:lumi_1", T0);

        assertThat(window.contains(gateway, 7, "click_ch0:lumi_1", T0.plusSeconds(59))).isTrue();
        assertThat(window.contains(gateway, 7, "click_ch0:lumi_1", T0.plusSeconds(61))).isFalse();
        assertThat(window.contains(gateway, 8, "click_ch0:lumi_1", T0)).isFalse();
    }
}
