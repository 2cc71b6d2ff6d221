package io.github.camelsmarthome.miio.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MiioPushServerOptionsTest {

    @Test
    void defaultsAreTheBriefsBindingAndFakeIdentity() {
        MiioPushServerOptions defaults = MiioPushServerOptions.defaults();

        assertThat(defaults.bindAddress().getHostAddress()).isEqualTo("0.0.0.0");
        assertThat(defaults.port()).isEqualTo(54321);
        assertThat(defaults.deviceId()).isEqualTo(120009025L);
        assertThat(defaults.duplicateWindow()).isEqualTo(PushDatagramClassifier.DEFAULT_DEDUP_WINDOW);
        assertThat(defaults.listenerExecutor()).isNull();
    }

    @Test
    void aDeviceIdOutsideUnsigned32BitsIsRefused() {
        MiioPushServerOptions defaults = MiioPushServerOptions.defaults();

        assertThatThrownBy(() -> defaults.withDeviceId(0x1_0000_0000L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deviceId");
        assertThatThrownBy(() -> defaults.withDeviceId(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPortOutsideTheUdpRangeIsRefused() {
        assertThatThrownBy(() -> MiioPushServerOptions.defaults().withBinding(InetAddress.getLoopbackAddress(), 65536))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
    }

    @Test
    void aZeroOrNegativeDurationIsRefused() {
        MiioPushServerOptions defaults = MiioPushServerOptions.defaults();

        assertThatThrownBy(() -> defaults.withDuplicateWindow(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicateWindow");
        assertThatThrownBy(() -> defaults.withLiveness(Duration.ofMinutes(1), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("livenessCheckInterval");
    }

    @Test
    void anEmptyListenerQueueIsRefused() {
        assertThatThrownBy(() -> MiioPushServerOptions.defaults().withListenerExecutor(Runnable::run, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listenerQueueCapacity");
    }

    @Test
    void movedGatewaysAreLookedForWithSixteenTokensAtMostOnceEveryTenSecondsPerSenderByDefault() {
        MiioPushServerOptions defaults = MiioPushServerOptions.defaults();

        assertThat(defaults.moveCheckTokens()).isEqualTo(16);
        assertThat(defaults.moveCheckInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aNegativeTokenCountOrAZeroMoveCheckIntervalIsRefused() {
        MiioPushServerOptions defaults = MiioPushServerOptions.defaults();

        assertThatThrownBy(() -> defaults.withMoveCheck(-1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("moveCheckTokens");
        assertThatThrownBy(() -> defaults.withMoveCheck(4, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("moveCheckInterval");
    }
}
