package io.github.camelsmarthome.simulator.simplisafe;

import static io.github.camelsmarthome.simulator.simplisafe.SimpliSafeHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Brief section 4.7: numEvents and fromTimestamp, and emitting any event code. */
class EventHistoryTest extends SimpliSafeTestSupport {

    private final MutableClock clock = new MutableClock();

    @Override
    protected SimpliSafeSimulatorOptions options() {
        return SimpliSafeSimulatorOptions.forTests().clock(clock).build();
    }

    @Test
    void fromTimestampIsInclusiveAndNumEventsKeepsTheNewest() {
        long t0 = clock.instant().getEpochSecond();
        cloud.emitEvent(1602);
        clock.advance(Duration.ofSeconds(10));
        SimulatedEvent second = cloud.emitEvent(3301);
        clock.advance(Duration.ofSeconds(10));
        SimulatedEvent third = cloud.emitEvent(9903);

        assertThat(ids("/subscriptions/12345/events?fromTimestamp=" + (t0 + 10))).containsExactly(third.eventId(), second.eventId());
        assertThat(ids("/subscriptions/12345/events?fromTimestamp=" + t0 + "&numEvents=2")).containsExactly(third.eventId(), second.eventId());
        assertThat(ids("/subscriptions/12345/events?fromTimestamp=" + (t0 + 21))).isEmpty();
        assertThat(second.eventId()).isGreaterThan(2921814837L);
        assertThat(third.eventId()).isGreaterThan(second.eventId());
        assertThat(http.get("/subscriptions/12345/events?numEvents=zero", token).statusCode()).isEqualTo(400);
    }

    @Test
    void anyCodeCanBeEmittedIncludingUnknownOnes() {
        SimulatedEvent lockout = cloud.system().emitEvent(EventDraft.of(1461).info("Alarm: PINpad Kitchen LockOut!").eventType("alarm"));
        SimulatedEvent zero = cloud.system().emitEvent(EventDraft.of(0).sensorType(21).info("\"Front Door\" Camera Detected Motion"));
        SimulatedEvent keypad = cloud.system().emitEvent(1400, "972");

        JsonNode events = json(http.get("/subscriptions/12345/events?numEvents=3", token)).path("events");
        assertThat(events.path(2).path("eventId").asLong()).isEqualTo(lockout.eventId());
        assertThat(events.path(2).path("eventCid").asInt()).isEqualTo(1461);
        assertThat(events.path(2).path("info").asText()).isEqualTo("Alarm: PINpad Kitchen LockOut!");
        assertThat(events.path(1).path("eventCid").asInt()).isZero();
        assertThat(events.path(1).path("sensorType").asInt()).isEqualTo(21);
        assertThat(events.path(0).path("eventId").asLong()).isEqualTo(keypad.eventId());
        assertThat(events.path(0).path("sensorName").asText()).as("looked up from the sensors").isEqualTo("Kitchen");
        assertThat(events.path(0).path("eventType").asText()).isEqualTo("activity");
        assertThat(zero.eventCid()).isZero();
    }

    @Test
    void everyCodeOfTheBriefHasItsCategory() {
        for (EventCode code : EventCode.values()) {
            SimulatedEvent event = cloud.emitEvent(code.cid());
            assertThat(event.socketData().path("eventType").asText()).as("%s", code).isEqualTo(code.category());
            assertThat(event.historyItem().path("eventCid").asInt()).isEqualTo(code.cid());
        }
        assertThat(EventCode.of(1601).category()).as("HB: 1601 comes as an alarm-category test").isEqualTo("alarm");
    }

    private List<Long> ids(String path) {
        List<Long> ids = new ArrayList<>();
        json(http.get(path, token)).path("events").forEach(event -> ids.add(event.path("eventId").asLong()));
        return ids;
    }
}
