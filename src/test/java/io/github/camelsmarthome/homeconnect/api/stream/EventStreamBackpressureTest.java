package io.github.camelsmarthome.homeconnect.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelsmarthome.homeconnect.api.event.EventOrigin;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Design section 2: a slow consumer pauses the stream; it neither queues without bound nor mistakes its own pause for a dead server. */
class EventStreamBackpressureTest extends EventStreamTestSupport {

    @Test
    void anUnfinishedEventPausesReadingUntilTheListenerCompletesIt() throws Exception {
        HomeConnectEventStream stream = startStream();
        awaitSynced(stream, Instant.EPOCH);
        CompletableFuture<Void> slowRoute = new CompletableFuture<>();
        listener.answerWith(event -> event.origin().equals(EventOrigin.STREAM) && !slowRoute.isDone() ? slowRoute : null);

        for (int i = 0; i < 11; i++) {
            cloud.household().oven().setLocalControlActive(i % 2 == 0);
        }

        await().atMost(AT_MOST).until(() -> listener.received().size() == 1);
        long keepAlivesRead = stream.metrics().keepAlives();
        // Longer than the read timeout: the silence is the listener's, so the stream must stay open. Nothing is
        // read meanwhile, not even the keep-alives the cloud goes on sending: they wait in TCP buffers.
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4))
                .until(() -> listener.received().size() == 1 && stream.metrics().keepAlives() == keepAlivesRead);
        assertThat(stream.metrics().backpressurePauses()).isGreaterThanOrEqualTo(1);
        assertThat(stream.metrics().reconnects()).isZero();
        assertThat(stream.state()).isEqualTo(StreamState.CONNECTED);

        slowRoute.complete(null);

        await().atMost(AT_MOST).until(() -> listener.received().size() == 11);
        assertThat(listener.received()).extracting(event -> event.items().get(0).value().asBoolean())
                .containsExactly(true, false, true, false, true, false, true, false, true, false, true);
    }

    @Test
    void moreEventsMayBeOutstandingWhenTheOptionsAllowIt() throws Exception {
        HomeConnectEventStream stream = start(newStream(streamOptions().maxEventsInFlight(3).build(), listener));
        awaitSynced(stream, Instant.EPOCH);
        CompletableFuture<Void> slowRoute = new CompletableFuture<>();
        listener.answerWith(event -> event.origin().equals(EventOrigin.STREAM) ? slowRoute : null);

        for (int i = 0; i < 5; i++) {
            cloud.household().oven().setLocalControlActive(i % 2 == 0);
        }

        await().atMost(AT_MOST).until(() -> listener.received().size() == 3);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> listener.received().size() == 3);
        slowRoute.complete(null);
        await().atMost(AT_MOST).until(() -> listener.received().size() == 5);
    }
}
