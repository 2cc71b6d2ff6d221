package io.github.camelsmarthome.simplisafe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulatorOptions;
import io.github.camelsmarthome.simulator.simplisafe.SimulatedEvent;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code simplisafe:events} across a restart on the same state folder: the feed's checkpoint makes
 * the new run back-fill what happened while it was down and emit nothing the old run emitted.
 */
class SimplisafeRestartTest extends SimplisafeComponentTestSupport {

    private static final int AUTOMATIC_TEST = 1602;

    @Override
    protected SimpliSafeSimulatorOptions.Builder simulatorOptions() {
        return SimpliSafeSimulatorOptions.forTests().rejectSocketUpgrades(true);
    }

    private Path checkpointFile() throws IOException {
        try (Stream<Path> files = Files.list(stateDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".simplisafe-feed.json")).findFirst().orElse(null);
        }
    }

    @Test
    void anUpstreamEventIsInTheCheckpointFileBeforeARouteReceivesIt() throws Exception {
        Map<String, Boolean> savedWhenReceived = new ConcurrentHashMap<>();
        startConsumer(c -> { }, new RouteBuilder() {
            @Override
            public void configure() {
                from("simplisafe:events").routeId("checkpoint-probe").process(exchange -> {
                    SimplisafeEvent event = exchange.getMessage().getBody(SimplisafeEvent.class);
                    if (event.eventId() != null) {
                        Path file = checkpointFile();
                        savedWhenReceived.put(event.id(), file != null && Files.readString(file).contains("\"" + event.id() + "\""));
                    }
                });
            }
        });
        awaitWatching();

        SimulatedEvent emitted = cloud.system().emitEvent(AUTOMATIC_TEST);
        awaitEvent(event -> event.id().equals("id:" + emitted.eventId()));

        assertThat(savedWhenReceived).containsEntry("id:" + emitted.eventId(), true);
    }

    @Test
    void aRestartBackFillsTheEventsOfTheDowntimeAndRepeatsNoneOfTheFirstRun() throws Exception {
        startConsumer(c -> { }, null);
        awaitWatching();
        SimulatedEvent beforeStop = cloud.system().emitEvent(AUTOMATIC_TEST);
        awaitEvent(event -> event.id().equals("id:" + beforeStop.eventId()));
        context.stop();
        events.clear();

        SimulatedEvent whileDown = cloud.system().emitEvent(AUTOMATIC_TEST);
        startConsumer(c -> { }, null);
        SimulatedEvent afterRestart = cloud.system().emitEvent(AUTOMATIC_TEST);

        awaitEvent(event -> event.id().equals("id:" + afterRestart.eventId()));
        List<String> upstream = events.stream().filter(event -> event.eventId() != null).map(SimplisafeEvent::id).toList();
        assertThat(upstream).containsExactlyInAnyOrder("id:" + whileDown.eventId(), "id:" + afterRestart.eventId());
    }

    @Test
    void theHistoryPositionIsSavedAtStartSoADowntimeBeforeAnyEventIsBackFilledToo() throws Exception {
        cloud.system().emitEvent(AUTOMATIC_TEST);
        startConsumer(c -> { }, null);
        awaitWatching();
        await().atMost(TIMEOUT).until(() -> checkpointFile() != null);
        context.stop();
        events.clear();

        SimulatedEvent whileDown = cloud.system().emitEvent(AUTOMATIC_TEST);
        startConsumer(c -> { }, null);

        awaitEvent(event -> event.id().equals("id:" + whileDown.eventId()));
        assertThat(events).filteredOn(event -> event.eventId() != null).extracting(SimplisafeEvent::id)
                .containsExactly("id:" + whileDown.eventId());
    }
}
