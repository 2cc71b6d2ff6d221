package io.github.camelsmarthome.simplisafe;

import java.util.List;

import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simplisafe.api.feed.ConnectionMode;
import io.github.camelsmarthome.simplisafe.api.feed.SimplisafeEventFeed;
import io.github.camelsmarthome.simulator.simplisafe.AlarmMode;
import io.github.camelsmarthome.simulator.simplisafe.SimulatedEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Given a cloud whose websocket works: events arrive on it, once, although REST reports them too;
 * a dropped socket reconnects and the events of the gap are back-filled once.
 */
class SimplisafeRealtimeTest extends SimplisafeComponentTestSupport {

    private void awaitRealtime() {
        awaitWatching();
        await().atMost(TIMEOUT).until(() -> mode() == ConnectionMode.REALTIME);
    }

    @Test
    void anEventOnTheWebsocketIsEmittedOnceAlthoughTheHistoryHasItToo() throws Exception {
        startConsumer(configuration -> { }, null);
        awaitRealtime();
        // Going live starts a back-fill from the history; an event emitted before it has read the
        // history would reach the route by that path instead of the websocket.
        await().atMost(TIMEOUT).until(() -> stats().backfillsDone() >= 1);

        SimulatedEvent smoke = cloud.emitEvent(1110);
        SimplisafeEvent alarm = awaitEvent(event -> ("id:" + smoke.eventId()).equals(event.id()));
        assertThat(alarm.origin().name()).isEqualTo("realtime");
        assertThat(alarm.type()).isEqualTo("alarm_triggered");

        // A reconnect makes the feed read the history, which holds the same event.
        long backfills = stats().backfillsDone();
        cloud.faults().dropSockets();
        await().atMost(TIMEOUT).until(() -> stats().backfillsDone() > backfills);
        assertThat(count(event -> ("id:" + smoke.eventId()).equals(event.id()))).isEqualTo(1);
        assertThat(stats().duplicates() + stats().backfillsDone()).isPositive();
    }

    @Test
    void anArmingOnTheWebsocketIsNotAnnouncedAgainByPolling() throws Exception {
        startConsumer(configuration -> { }, null);
        awaitRealtime();
        cloud.system().setExitDelay(AlarmMode.AWAY, 0);
        cloud.system().armByKeypad(AlarmMode.AWAY);
        SimplisafeEvent armed = awaitEvent(event -> event.type().startsWith("armed_away"));
        assertThat(armed.origin().name()).isEqualTo("realtime");
        long polls = stats().polls();
        await().atMost(TIMEOUT).until(() -> stats().polls() >= polls + 3);
        assertThat(count(event -> event.type().startsWith("armed_away"))).isEqualTo(1);
    }

    @Test
    void eventsDuringAWebsocketGapAreBackfilledOnceAndTheGapIsMarked() throws Exception {
        startConsumer(configuration -> {
            // Polling must not read the gap's events before the reconnect does: poll rarely.
            configuration.setFastPollInterval(60_000);
            configuration.setSlowPollInterval(60_000);
        }, null);
        awaitRealtime();

        // The socket drops and stays down (refused, but fewer than three times) while events happen.
        cloud.faults().rejectSocketUpgrades(true);
        cloud.faults().dropSockets();
        await().atMost(TIMEOUT).until(() -> mode() == ConnectionMode.REST_ONLY);
        SimulatedEvent first = cloud.system().emitEvent(1134, FRONT_DOOR);
        SimulatedEvent second = cloud.emitEvent(1406);
        cloud.faults().rejectSocketUpgrades(false);

        await().atMost(TIMEOUT).until(() -> mode() == ConnectionMode.REALTIME);
        awaitEvent(type(SimplisafeEventFeed.STREAM_RECONNECTED));
        SimplisafeEvent filled = awaitEvent(event -> ("id:" + first.eventId()).equals(event.id()));
        assertThat(filled.origin().name()).isEqualTo("history");
        awaitEvent(event -> ("id:" + second.eventId()).equals(event.id()));

        // Another reconnect reads the same history again: nothing is emitted twice.
        long backfills = stats().backfillsDone();
        cloud.faults().dropSockets();
        await().atMost(TIMEOUT).until(() -> stats().backfillsDone() > backfills);
        for (SimulatedEvent gapEvent : List.of(first, second)) {
            assertThat(count(event -> ("id:" + gapEvent.eventId()).equals(event.id()))).isEqualTo(1);
        }
        List<String> modes = events.stream().filter(type(SimplisafeEventFeed.CONNECTION_MODE_CHANGED)).map(SimplisafeEvent::info)
                .toList();
        assertThat(modes).containsSubsequence("REST_ONLY", "REALTIME", "REST_ONLY", "REALTIME");
    }
}
