package io.github.camelsmarthome.homeconnect.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.homeconnect.api.ApplianceStateSource;
import io.github.camelsmarthome.homeconnect.api.HomeConnectErrors;
import io.github.camelsmarthome.homeconnect.api.RequestPriority;
import io.github.camelsmarthome.homeconnect.api.event.EventOrigin;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventItem;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventType;
import io.github.camelsmarthome.homeconnect.api.state.ApplianceStateStore;
import io.github.camelsmarthome.testing.CapturedLogs;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

/**
 * The resync rules on their own, against a scripted implementation of our {@link ApplianceStateSource}
 * whose answers the test releases one by one, so races with the stream can be staged exactly.
 */
class ApplianceResyncTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WASHER = "SIEMENS-HCS03WCH1-7BC6383CF794";
    private static final String DRYER = "BOSCH-HCS04DYR1-831694AE3C5A";
    private static final String DOOR = "BSH.Common.Status.DoorState";
    private static final String OPERATION = "BSH.Common.Status.OperationState";

    private final EventStreamOptions options = EventStreamOptions.builder("test", "http://localhost").build();
    private final ApplianceStateStore store = ApplianceStateStore.inMemory("test", Clock.systemUTC());
    private final List<HomeConnectEvent> emitted = new ArrayList<>();
    private final ScriptedSource source = new ScriptedSource();
    private final EventStreamMetrics metrics = new EventStreamMetrics();
    private final List<String> stalled = new ArrayList<>();
    private final ApplianceResync resync = new ApplianceResync(options, source, store, event -> {
        store.apply(event);
        emitted.add(event);
    }, stalled::add, Runnable::run, metrics);

    @Test
    void anEventThatArrivesWhileAnAnswerIsInFlightIsNotOverwrittenByIt() throws Exception {
        resync.resyncAll(true);
        source.answer("appliances", appliances(WASHER, true));

        store.apply(streamEvent(WASHER, DOOR, "BSH.Common.EnumType.DoorState.Open"));
        source.answer("status " + WASHER, status(DOOR, "BSH.Common.EnumType.DoorState.Closed", OPERATION, "BSH.Common.EnumType.OperationState.Ready"));

        assertThat(store.value(WASHER, DOOR)).hasValueSatisfying(value -> assertThat(value.asText()).endsWith("Open"));
        assertThat(store.value(WASHER, OPERATION)).hasValueSatisfying(value -> assertThat(value.asText()).endsWith("Ready"));
        assertThat(emitted).filteredOn(event -> event.origin().equals(EventOrigin.RESYNC)).flatExtracting(HomeConnectEvent::items)
                .extracting(HomeConnectEventItem::key).doesNotContain(DOOR);
    }

    @Test
    void anIdleApplianceCostsTwoReadsAndARunningOneThree() throws Exception {
        resync.resyncAll(true);
        source.answer("appliances", appliances(WASHER, true, DRYER, true));
        source.answer("status " + WASHER, status(OPERATION, "BSH.Common.EnumType.OperationState.Ready"));
        source.answer("settings " + WASHER, JSON.readTree("{\"settings\":[]}"));
        source.answer("status " + DRYER, status(OPERATION, "BSH.Common.EnumType.OperationState.Pause"));
        source.answer("settings " + DRYER, JSON.readTree("{\"settings\":[]}"));
        source.answer("active " + DRYER, JSON.readTree("{\"key\":\"LaundryCare.Dryer.Program.Cotton\",\"options\":"
                + "[{\"key\":\"BSH.Common.Option.RemainingProgramTime\",\"value\":600,\"unit\":\"seconds\"}]}"));

        assertThat(source.asked).containsExactly("appliances", "status " + WASHER, "settings " + WASHER, "status " + DRYER,
                "settings " + DRYER, "active " + DRYER);
        assertThat(store.value(DRYER, "BSH.Common.Option.RemainingProgramTime")).hasValueSatisfying(
                value -> assertThat(value.asInt()).isEqualTo(600));
        assertThat(store.appliance(WASHER)).hasValueSatisfying(appliance -> assertThat(appliance.syncedAt()).isNotNull());
    }

    @Test
    void theListReportsPairingDepairingAndConnectionChangesAsResyncEvents() throws Exception {
        store.apply(streamEvent(WASHER, DOOR, "BSH.Common.EnumType.DoorState.Closed"));
        store.apply(streamEvent(DRYER, DOOR, "BSH.Common.EnumType.DoorState.Closed"));
        String added = "BOSCH-HCS06COM1-D70390681C2C";

        resync.resyncAll(false);
        source.answer("appliances", appliances(WASHER, false, added, true));

        assertThat(emitted).extracting(event -> event.eventType().wireName() + " " + event.deviceId() + " " + event.origin())
                .containsExactly("DISCONNECTED " + WASHER + " resync", "PAIRED " + added + " resync", "DEPAIRED " + DRYER + " resync");
        assertThat(store.applianceIds()).containsExactlyInAnyOrder(WASHER, added);
        assertThat(source.asked).containsExactly("appliances", "status " + added);
    }

    @Test
    void theAccountsApplianceListIsCompleteOnceAWholeListWasReadNotAfterAPairedAppliancesRead() throws Exception {
        store.apply(streamEvent(DRYER, DOOR, "BSH.Common.EnumType.DoorState.Closed"));
        String added = "BOSCH-HCS06COM1-D70390681C2C";

        resync.onStreamEvent(HomeConnectEvent.of(added, HomeConnectEventType.PAIRED, List.of(), null, Instant.now()));
        source.answer("appliances", appliances(added, false, WASHER, false));
        assertThat(store.completeApplianceIds()).isEmpty();

        resync.resyncAll(false);
        source.answer("appliances", appliances(WASHER, false));
        assertThat(store.completeApplianceIds()).contains(java.util.Set.of(WASHER));
    }

    @Test
    void anOfflineAnswerMarksTheApplianceUnavailableAndTheResyncGoesOn() throws Exception {
        resync.resyncAll(true);
        source.answer("appliances", appliances(WASHER, true, DRYER, true));

        source.fail("status " + WASHER, offline());
        source.answer("status " + DRYER, status(OPERATION, "BSH.Common.EnumType.OperationState.Ready"));

        assertThat(store.isConnected(WASHER)).isFalse();
        assertThat(source.asked).doesNotContain("settings " + WASHER).contains("status " + DRYER);
    }

    @Test
    void aRefusedReadEndsTheResyncWithOneWarningAndTheNextResyncTriesAgain() throws Exception {
        try (CapturedLogs logs = CapturedLogs.capture(ApplianceResync.class.getName())) {
            resync.resyncAll(true);
            source.answer("appliances", appliances(WASHER, true, DRYER, true));
            source.fail("status " + WASHER, new IllegalStateException("request budget refused"));
            resync.resyncAll(false);
            source.fail("appliances", new IllegalStateException("request budget refused"));

            assertThat(source.asked).containsExactly("appliances", "status " + WASHER, "appliances");
            assertThat(metrics.resyncsIncomplete()).isEqualTo(2);
            assertThat(logs.atLevel(Level.WARN)).hasSize(1);
        }
    }

    @Test
    void aConnectedEventRereadsOnlyThatAppliance() throws Exception {
        store.apply(streamEvent(WASHER, DOOR, "BSH.Common.EnumType.DoorState.Closed"));

        resync.onStreamEvent(HomeConnectEvent.of(WASHER, HomeConnectEventType.CONNECTED, List.of(), null, Instant.now()));

        assertThat(source.asked).containsExactly("status " + WASHER);
    }

    @Test
    void aQuietRunningApplianceWhoseStatusDisagreesReportsTheStreamStalled() throws Exception {
        store.apply(streamEvent(WASHER, OPERATION, "BSH.Common.EnumType.OperationState.Run"));

        resync.checkQuiet(WASHER);
        source.answer("status " + WASHER, status(OPERATION, "BSH.Common.EnumType.OperationState.Finished"));

        assertThat(stalled).containsExactly(WASHER);
        assertThat(store.value(WASHER, OPERATION)).hasValueSatisfying(value -> assertThat(value.asText()).endsWith("Finished"));
    }

    @Test
    void aQuietRunningApplianceWhoseStatusAgreesLeavesTheStreamAlone() throws Exception {
        store.apply(streamEvent(WASHER, OPERATION, "BSH.Common.EnumType.OperationState.Run"));

        resync.checkQuiet(WASHER);
        source.answer("status " + WASHER, status(OPERATION, "BSH.Common.EnumType.OperationState.Run"));

        assertThat(stalled).isEmpty();
        assertThat(source.asked).containsExactly("status " + WASHER);
    }

    private static HomeConnectEvent streamEvent(String haId, String key, String value) {
        return HomeConnectEvent.of(haId, HomeConnectEventType.STATUS,
                List.of(new HomeConnectEventItem(key, JSON.getNodeFactory().textNode(value), null, Instant.now(), null, null,
                        null, null, null, null, null)), null, Instant.now());
    }

    private static JsonNode appliances(Object... idAndConnected) {
        var root = JSON.createObjectNode();
        var list = root.putArray("homeappliances");
        for (int i = 0; i < idAndConnected.length; i += 2) {
            list.addObject().put("haId", (String) idAndConnected[i]).put("connected", (Boolean) idAndConnected[i + 1])
                    .put("type", "Washer").put("brand", "SIEMENS").put("name", "Appliance " + i);
        }
        return root;
    }

    private static JsonNode status(String... keyValues) {
        var root = JSON.createObjectNode();
        var list = root.putArray("status");
        for (int i = 0; i < keyValues.length; i += 2) {
            list.addObject().put("key", keyValues[i]).put("value", keyValues[i + 1]);
        }
        return root;
    }

    private static RuntimeException offline() {
        return HomeConnectErrors.fromResponse(409, Map.of(),
                "{\"error\":{\"key\":\"SDK.Error.HomeAppliance.Connection.Initialization.Failed\",\"description\":\"offline\"}}",
                "GET status");
    }

    /** Our interface, answered by the test: each read waits until the test answers it by name. */
    private static final class ScriptedSource implements ApplianceStateSource {

        final List<String> asked = new ArrayList<>();
        private final Map<String, CompletableFuture<JsonNode>> pending = new LinkedHashMap<>();

        void answer(String read, JsonNode data) {
            CompletableFuture<JsonNode> answer = pending.remove(read);
            assertThat(answer).as("a pending read " + read + " among " + pending.keySet()).isNotNull();
            answer.complete(data);
        }

        void fail(String read, Throwable failure) {
            CompletableFuture<JsonNode> answer = pending.remove(read);
            assertThat(answer).as("a pending read " + read + " among " + pending.keySet()).isNotNull();
            answer.completeExceptionally(failure);
        }

        @Override
        public CompletableFuture<JsonNode> appliances(RequestPriority priority) {
            return ask("appliances");
        }

        @Override
        public CompletableFuture<JsonNode> status(String haId, RequestPriority priority) {
            return ask("status " + haId);
        }

        @Override
        public CompletableFuture<JsonNode> settings(String haId, RequestPriority priority) {
            return ask("settings " + haId);
        }

        @Override
        public CompletableFuture<JsonNode> activeProgram(String haId, RequestPriority priority) {
            return ask("active " + haId);
        }

        private CompletableFuture<JsonNode> ask(String read) {
            asked.add(read);
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.put(read, answer);
            return answer;
        }
    }
}
