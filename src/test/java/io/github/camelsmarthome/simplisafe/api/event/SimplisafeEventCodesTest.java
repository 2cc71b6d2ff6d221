package io.github.camelsmarthome.simplisafe.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.simplisafe.api.SimplisafeFixtures;
import io.github.camelsmarthome.simplisafe.api.model.AlarmPhase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The event-code table against an independent transcription of brief section 7
 * ({@code src/test/resources/simplisafe/event-codes.csv}), row by row.
 */
class SimplisafeEventCodesTest {

    private static final Instant RECEIVED = Instant.parse("2024-01-01T00:00:00Z");
    private static final String TRANSCRIPTION = "/simplisafe/event-codes.csv";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvFileSource(resources = TRANSCRIPTION)
    void everyCodeOfTheBriefMapsToItsType(int cid, String eventType) {
        assertThat(SimplisafeEventCodes.eventTypeOf(cid)).isEqualTo(eventType);
        assertThat(SimplisafeEventCodes.lookup(cid)).get().extracting(EventCode::cid).isEqualTo(cid);
    }

    @ParameterizedTest(name = "an event with code {0} reads as {1}")
    @CsvFileSource(resources = TRANSCRIPTION)
    void everyCodeOfTheBriefGivesAnEventOfItsType(int cid, String eventType) throws Exception {
        ObjectNode data = SimplisafeFixtures.object("ws_message_event_data.json").put("eventCid", cid);

        SimplisafeEvent event = new SimplisafeEventReader().read(data, SimplisafeEventOrigin.REALTIME,
                SimplisafeEventReader.Context.NONE, RECEIVED);

        assertThat(event.type()).isEqualTo(eventType);
        assertThat(event.eventCid()).isEqualTo(cid);
    }

    @Test
    void theTableHasExactlyTheRowsOfTheBriefAndNoOthers() throws IOException {
        Map<Integer, String> transcribed = transcription();

        Map<Integer, String> table = SimplisafeEventCodes.all().stream()
                .collect(Collectors.toMap(EventCode::cid, EventCode::eventType));

        assertThat(transcribed).hasSize(40);
        assertThat(table).isEqualTo(transcribed);
    }

    @ParameterizedTest
    @ValueSource(ints = {1461, 0, -1, 1, 1401, 3400, 9702, 99999, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void aCodeNotInTheTableIsUnknownNeverDropped(int cid) throws Exception {
        ObjectNode data = SimplisafeFixtures.object("ws_message_event_data.json").put("eventCid", cid);

        SimplisafeEvent event = new SimplisafeEventReader().read(data, SimplisafeEventOrigin.REALTIME,
                SimplisafeEventReader.Context.NONE, RECEIVED);

        assertThat(SimplisafeEventCodes.lookup(cid)).isEmpty();
        assertThat(event.type()).isEqualTo(SimplisafeEventCodes.UNKNOWN_TYPE);
        assertThat(event.eventCid()).isEqualTo(cid);
        assertThat(event.eventCode()).isNull();
        assertThat(event.raw().get("eventCid").intValue()).isEqualTo(cid);
    }

    @Test
    void anEventWithoutCodeIsUnknownWithoutCode() throws Exception {
        ObjectNode data = SimplisafeFixtures.object("ws_message_event_data.json");
        data.remove("eventCid");

        SimplisafeEvent event = new SimplisafeEventReader().read(data, SimplisafeEventOrigin.REALTIME,
                SimplisafeEventReader.Context.NONE, RECEIVED);

        assertThat(event.type()).isEqualTo("unknown");
        assertThat(event.eventCid()).isNull();
    }

    @Test
    void theTypesOfTheTableDoNotIncludeTheStaleNamesOfSimplipysDocs() {
        assertThat(SimplisafeEventCodes.eventTypes())
                .contains("alarm_triggered", "armed_away", "lock_error")
                .doesNotContain("entity_test", "entry_detected", "motion_detected", "disarmed_by_master_pin", "unknown");
    }

    @Test
    void deviceEventsAreThoseAboutALockCameraOrSensor() {
        List<Integer> deviceCodes = SimplisafeEventCodes.all().stream()
                .filter(code -> code.subject() == EventSubject.DEVICE)
                .map(EventCode::cid)
                .toList();

        assertThat(deviceCodes).containsExactly(1170, 1381, 1409, 1458, 1531, 1604, 1609, 3381, 9700, 9701, 9703);
    }

    @Test
    void entryDelayMeansPendingAtOnceAsBriefP12Asks() {
        Map<Integer, EventCode> rows = SimplisafeEventCodes.all().stream()
                .collect(Collectors.toMap(EventCode::cid, Function.identity()));

        assertThat(rows.get(1429).impliedPhase()).isEqualTo(AlarmPhase.PENDING);
        assertThat(rows.get(1134).impliedPhase()).isEqualTo(AlarmPhase.TRIGGERED);
        assertThat(rows.get(9407).impliedPhase()).isEqualTo(AlarmPhase.ARMING);
        assertThat(rows.get(3491).impliedPhase()).isEqualTo(AlarmPhase.ARMED_HOME);
        assertThat(rows.get(1407).impliedPhase()).isEqualTo(AlarmPhase.DISARMED);
        assertThat(rows.get(1406).impliedPhase()).isNull();
        assertThat(rows.get(9701).impliedPhase()).isNull();
    }

    @Test
    void unknownCodesAreDescribedByTheirContactIdLayoutForLogsOnly() {
        assertThat(SimplisafeEventCodes.describeUnknown(1461)).isEqualTo("new event 461, wrong-code lockout");
        assertThat(SimplisafeEventCodes.describeUnknown(3162)).isEqualTo("restore 162, carbon monoxide");
        assertThat(SimplisafeEventCodes.describeUnknown(9123)).isEqualTo("SimpliSafe-specific 123");
        assertThat(SimplisafeEventCodes.describeUnknown(0)).isEqualTo("not a Contact-ID code");
    }

    private static Map<Integer, String> transcription() throws IOException {
        try (InputStream in = SimplisafeEventCodesTest.class.getResourceAsStream(TRANSCRIPTION)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(","))
                    .collect(Collectors.toMap(row -> Integer.parseInt(row[0].trim()), row -> row[1].trim()));
        }
    }
}
