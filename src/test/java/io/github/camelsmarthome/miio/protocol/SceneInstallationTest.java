package io.github.camelsmarthome.miio.protocol;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Scenes kept installed against a gateway that fails a given number of requests first. */
class SceneInstallationTest {

    private static final JsonNode OK = JsonNodeFactory.instance.arrayNode().add("ok");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger requests = new AtomicInteger();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    private SceneInstallation installation(int failuresFirst) {
        SubscriptionPlan plan = SubscriptionPlan.of("192.168.1.20", List.of(EventInfo.of("click_ch0", "[1,13,1,85,[0,1],0,0]")
                .withSource("lumi.158d0001a2b3c4", "lumi.sensor_switch.aq2")));
        GatewayScenes scenes = new GatewayScenes((method, params) -> requests.incrementAndGet() <= failuresFirst
                ? CompletableFuture.failedFuture(new MiioDeviceException(MiioDeviceException.Kind.UNREACHABLE, "no hello reply"))
                : CompletableFuture.completedFuture(OK), "192.168.1.20");
        return new SceneInstallation(scenes, () -> SceneUpload.perScene(plan, new LocalSceneEncoder(PushTarget.at("192.168.1.50")),
                SceneTokens.of("937ff2747147a227f331220010f6d9ff", null), 1_700_000_000L, new Random(1)), 1, "192.168.1.20",
                scheduler, Duration.ofMillis(10), Duration.ofMillis(40));
    }

    @Test
    void aFailedInstallationIsRetriedUntilTheGatewayTakesTheScenes() {
        SceneInstallation installation = installation(3);

        installation.installNow();

        await().atMost(TIMEOUT).until(() -> installation.problem() == null);
        assertThat(requests.get()).isEqualTo(4);
    }

    @Test
    void theProblemSaysWhyAndWhenItRetries() {
        SceneInstallation installation = installation(Integer.MAX_VALUE);

        installation.installNow();

        await().atMost(TIMEOUT).until(() -> installation.problem() != null && installation.problem().contains("failed"));
        assertThat(installation.problem()).startsWith("installing the scenes failed: gateway 192.168.1.20: scene x.scene.")
                .contains("no hello reply; retrying in ");
    }

    @Test
    void closingStopsTheRetries() {
        SceneInstallation installation = installation(Integer.MAX_VALUE);
        installation.installNow();
        await().atMost(TIMEOUT).until(() -> requests.get() >= 2);

        installation.close();
        int afterClose = requests.get();

        // a retry already running may still send once; none is scheduled after it
        await().during(Duration.ofMillis(300)).atMost(TIMEOUT).until(() -> requests.get() <= afterClose + 1);
        assertThat(installation.problem()).isEqualTo("stopped");
    }
}
