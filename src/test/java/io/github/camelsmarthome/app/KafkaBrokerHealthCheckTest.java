package io.github.camelsmarthome.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Properties;

import io.github.camelsmarthome.testing.FreePorts;
import org.junit.jupiter.api.Test;

class KafkaBrokerHealthCheckTest {

    @Test
    void startedTwiceThenStoppedLeavesNoAdminClientBehind() {
        KafkaBrokerHealthCheck check = new KafkaBrokerHealthCheck("127.0.0.1:" + FreePorts.find(), new Properties());
        check.start();
        check.start();
        assertThat(adminThreads()).isEqualTo(1);

        check.stop();

        await().atMost(Duration.ofSeconds(30)).until(() -> adminThreads() == 0);
    }

    private static long adminThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(thread -> thread.getName().contains("camel-smarthome-health"))
                .count();
    }
}
