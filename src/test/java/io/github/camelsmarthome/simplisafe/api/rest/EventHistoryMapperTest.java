package io.github.camelsmarthome.simplisafe.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.simplisafe.api.SimplisafeFixtures;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEventOrigin;
import io.github.camelsmarthome.simplisafe.api.model.SensorType;
import io.github.camelsmarthome.testing.CapturedLogs;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code events_response.json}, {@code latest_event_response.json} and their variants (brief 4.7). */
class EventHistoryMapperTest {

    private static final Instant RECEIVED = Instant.parse("2024-01-01T00:00:00Z");

    private final EventHistoryMapper mapper = new EventHistoryMapper();

    @Test
    void theEventsFixtureIsTwoHistoryEventsNewestFirst() {
        EventHistoryPage page = mapper.page(SimplisafeFixtures.json("events_response.json"), 12345, RECEIVED);

        assertThat(page.skipped()).isZero();
        assertThat(page.lastEventTimestamp()).isEqualTo(Instant.ofEpochSecond(1534035861L));
        assertThat(page.events()).extracting(SimplisafeEvent::id).containsExactly("id:2921814837", "id:2920433155");
        SimplisafeEvent armed = page.events().get(0);
        assertThat(armed.type()).isEqualTo("armed_away_by_keypad");
        assertThat(armed.origin()).isEqualTo(SimplisafeEventOrigin.HISTORY);
        assertThat(armed.time()).isEqualTo(Instant.ofEpochSecond(1534720376L));
        assertThat(armed.deviceId()).isEqualTo("12345");
        assertThat(armed.sensorName()).isEqualTo("Garage Keypad");
        assertThat(armed.sensorType()).isEqualTo(SensorType.KEYPAD);
        assertThat(armed.changedBy()).isNull();
        assertThat(armed.mediaUrls()).as("videoStartedBy empty").isNull();
        assertThat(page.events().get(1).type()).isEqualTo("disarmed_by_keypad");
        assertThat(page.events().get(1).changedBy()).isEqualTo("Master PIN");
    }

    @Test
    void theLatestEventFixtureIsOneEvent() {
        EventHistoryPage page = mapper.page(SimplisafeFixtures.json("latest_event_response.json"), 12345, RECEIVED);

        assertThat(page.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("disarmed_by_keypad");
            assertThat(event.info()).isEqualTo("System Disarmed by PIN 2");
            assertThat(event.changedBy()).isNull();
            assertThat(event.id()).isEqualTo("id:1234567890");
        });
    }

    @Test
    void anEmptyAnswerIsAnEmptyPage() {
        assertThat(mapper.page(SimplisafeFixtures.tree("{}"), 1, RECEIVED).events()).isEmpty();
        assertThat(mapper.page(SimplisafeFixtures.tree("{\"numEvents\":0,\"events\":[]}"), 1, RECEIVED).events()).isEmpty();
        assertThat(mapper.page(null, 1, RECEIVED).events()).isEmpty();
    }

    @Test
    void anItemWithoutSidBelongsToTheSystemAskedAboutAndItemsThatAreNotObjectsAreSkipped() {
        try (CapturedLogs logs = CapturedLogs.capture(EventHistoryMapper.class.getName())) {
            EventHistoryPage page = mapper.page(SimplisafeFixtures.tree(
                    "{\"events\":[{\"eventId\":5,\"eventCid\":9701,\"sensorSerial\":\"987\"}, \"x\", null, 3]}"), 777, RECEIVED);

            assertThat(page.events()).singleElement().satisfies(event -> {
                assertThat(event.systemId()).isEqualTo(777L);
                assertThat(event.deviceId()).isEqualTo("987");
                assertThat(event.type()).isEqualTo("lock_locked");
            });
            assertThat(page.skipped()).isEqualTo(3);
            assertThat(logs.allText()).contains("item 2 of 4", "system 777", "not a JSON object");
        }
    }
}
