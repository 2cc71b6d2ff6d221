package io.github.camelsmarthome.homeconnect.api.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventItem;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventType;
import io.github.camelsmarthome.testing.CapturedLogs;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saves are debounced: a burst of changes is one write, and stop writes what is left. */
class StateSaveSchedulerTest {

    @TempDir
    Path root;

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aBurstOfChangesIsWrittenOnceAndStopWritesOnlyWhatChangedSince() throws Exception {
        ApplianceStateStore store = ApplianceStateStore.open(root, "test", Clock.systemUTC());
        StateSaveScheduler saver = new StateSaveScheduler(vertx, store, Duration.ofMillis(300));
        store.addChangeListener(saver::changed);

        try (CapturedLogs logs = CapturedLogs.capture(ApplianceStateStore.class.getName())) {
            for (int i = 0; i < 200; i++) {
                store.apply(progress(i));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> saves(logs) == 1);
            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> saves(logs) == 1);

            saver.flushAndStop().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(saves(logs)).as("nothing changed since the last save").isEqualTo(1);

            store.apply(progress(500));
            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> saves(logs) == 1);
        }
        assertThat(ApplianceStateStore.open(root, "test", Clock.systemUTC()).value("washer", "BSH.Common.Option.ProgramProgress"))
                .hasValueSatisfying(value -> assertThat(value.asInt()).isEqualTo(199));
    }

    private static long saves(CapturedLogs logs) {
        return logs.atLevel(Level.DEBUG).stream().filter(line -> line.message().startsWith("Saved the state")).count();
    }

    private static HomeConnectEvent progress(int percent) {
        return HomeConnectEvent.of("washer", HomeConnectEventType.NOTIFY, List.of(new HomeConnectEventItem(
                "BSH.Common.Option.ProgramProgress", JsonNodeFactory.instance.numberNode(percent), "%", Instant.now(), null,
                null, null, null, null, null, null)), null, Instant.now());
    }
}
