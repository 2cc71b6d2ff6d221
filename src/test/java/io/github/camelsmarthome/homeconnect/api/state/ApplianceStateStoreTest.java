package io.github.camelsmarthome.homeconnect.api.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.camelsmarthome.homeconnect.api.event.EventOrigin;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventItem;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventType;
import io.github.camelsmarthome.testing.CapturedLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saved appliance state: what events change, what the file looks like, and what a bad file does. */
class ApplianceStateStoreTest {

    private static final String WASHER = "SIEMENS-HCS03WCH1-7BC6383CF794";
    private static final String DOOR = "BSH.Common.Status.DoorState";
    private static final String CHILD_LOCK = "BSH.Common.Setting.ChildLock";
    private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");

    @TempDir
    Path root;

    private final Clock clock = Clock.systemUTC();

    @Test
    void itemEventsUpdateValuesAndDisconnectingKeepsThem() {
        ApplianceStateStore store = ApplianceStateStore.inMemory("test", clock);

        store.apply(event(HomeConnectEventType.STATUS, DOOR, text("BSH.Common.EnumType.DoorState.Open")));
        store.apply(event(HomeConnectEventType.NOTIFY, CHILD_LOCK, JsonNodeFactory.instance.booleanNode(true)));
        store.apply(HomeConnectEvent.of(WASHER, HomeConnectEventType.DISCONNECTED, List.of(), null, T));

        assertThat(store.isConnected(WASHER)).isFalse();
        assertThat(store.value(WASHER, DOOR)).hasValueSatisfying(value -> assertThat(value.asText()).endsWith("Open"));
        assertThat(store.value(WASHER, CHILD_LOCK)).hasValueSatisfying(value -> assertThat(value.asBoolean()).isTrue());
        assertThat(store.appliance(WASHER).orElseThrow().values().get(DOOR).timestamp()).isEqualTo(T.minusSeconds(5));
    }

    @Test
    void connectedMarksAvailableAgainAndDepairedForgetsTheAppliance() {
        ApplianceStateStore store = ApplianceStateStore.inMemory("test", clock);
        store.apply(HomeConnectEvent.of(WASHER, HomeConnectEventType.DISCONNECTED, List.of(), null, T));

        store.apply(HomeConnectEvent.of(WASHER, HomeConnectEventType.CONNECTED, List.of(), null, T));
        assertThat(store.isConnected(WASHER)).isTrue();

        store.apply(HomeConnectEvent.of(WASHER, HomeConnectEventType.DEPAIRED, List.of(), null, T));
        assertThat(store.appliance(WASHER)).isEmpty();
    }

    @Test
    void restoredEventsAndGapMarkersChangeNothing() {
        ApplianceStateStore store = ApplianceStateStore.inMemory("test", clock);

        store.apply(HomeConnectEvent.synthetic(WASHER, HomeConnectEventType.STATUS, List.of(item(DOOR, text("x"))), T,
                EventOrigin.RESTORED));
        store.apply(HomeConnectEvent.synthetic("test", HomeConnectEventType.STREAM_RECONNECTED, List.of(), T, EventOrigin.BRIDGE));

        assertThat(store.appliances()).isEmpty();
    }

    @Test
    void knownStatusIsTheSavedJsonFormOfOneAppliance() {
        ApplianceStateStore store = ApplianceStateStore.inMemory("test", clock);
        store.updateIdentity(JsonNodeFactory.instance.objectNode().put("haId", WASHER).put("type", "Washer")
                .put("brand", "SIEMENS").put("name", "Washer").put("connected", true));
        store.apply(event(HomeConnectEventType.STATUS, DOOR, text("BSH.Common.EnumType.DoorState.Closed")));

        JsonNode known = store.knownStatus(WASHER).orElseThrow();

        assertThat(known.path("type").asText()).isEqualTo("Washer");
        assertThat(known.path("connected").asBoolean()).isTrue();
        assertThat(known.path("values").path(DOOR).path("value").asText()).isEqualTo("BSH.Common.EnumType.DoorState.Closed");
        assertThat(known.path("values").path(DOOR).path("timestamp").asLong()).isEqualTo(T.minusSeconds(5).getEpochSecond());
        assertThat(store.knownStatus("unknown")).isEmpty();
    }

    @Test
    void theFileIsOwnerOnlyAndReplacedByRenameLeavingNoTemporaryFile() throws IOException {
        Path directory = root.resolve("state");
        ApplianceStateStore store = ApplianceStateStore.open(directory, "home/connect", clock);
        store.apply(event(HomeConnectEventType.STATUS, DOOR, text("open")));
        store.save();
        Path file = store.file().orElseThrow();
        Object firstInode = Files.getAttribute(file, "unix:ino");

        store.apply(event(HomeConnectEventType.STATUS, DOOR, text("closed")));
        store.save();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        assertThat(Files.getAttribute(file, "unix:ino")).as("a new file renamed over the old one").isNotEqualTo(firstInode);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.toList()).containsExactly(file);
        }
        assertThat(file.getParent()).isEqualTo(directory.toAbsolutePath());
    }

    @Test
    void whatWasSavedIsWhatALaterStartRestores() throws IOException {
        ApplianceStateStore store = ApplianceStateStore.open(root, "test", clock);
        store.apply(event(HomeConnectEventType.STATUS, DOOR, text("BSH.Common.EnumType.DoorState.Open")));
        store.apply(event(HomeConnectEventType.NOTIFY, "BSH.Common.Root.ActiveProgram", JsonNodeFactory.instance.nullNode()));
        store.apply(HomeConnectEvent.of(WASHER, HomeConnectEventType.DISCONNECTED, List.of(), null, T));
        store.save();

        ApplianceStateStore restarted = ApplianceStateStore.open(root, "test", clock);

        assertThat(restarted.restoredFromFile()).isTrue();
        assertThat(restarted.appliances()).isEqualTo(store.appliances());
    }

    @Test
    void aSaveWithoutChangesWritesNothing() throws IOException {
        ApplianceStateStore store = ApplianceStateStore.open(root, "test", clock);
        store.apply(event(HomeConnectEventType.STATUS, DOOR, text("open")));
        store.save();
        Files.delete(store.file().orElseThrow());

        store.save();

        assertThat(store.file().orElseThrow()).doesNotExist();
    }

    @Test
    void aCorruptFileIsReportedOnceByNameAndTheStoreStartsEmpty() throws IOException {
        Path file = root.resolve("test.appliances.json");
        Files.writeString(file, "{\"version\":1,\"appliances\":[{\"haId\":\"secret-looking-content\"");

        try (CapturedLogs logs = CapturedLogs.capture(ApplianceStateStore.class.getName())) {
            ApplianceStateStore store = ApplianceStateStore.open(root, "test", clock);

            assertThat(store.restoredFromFile()).isFalse();
            assertThat(store.appliances()).isEmpty();
            assertThat(logs.atLevel(Level.WARN)).singleElement().satisfies(line -> assertThat(line.message())
                    .contains(file.toString()).doesNotContain("secret-looking-content"));
        }
    }

    @Test
    void aMissingFileMeansTheAccountWasNeverSeen() {
        ApplianceStateStore store = ApplianceStateStore.open(root.resolve("absent"), "test", clock);

        assertThat(store.restoredFromFile()).isFalse();
        assertThat(store.appliances()).isEmpty();
    }

    @Test
    void aChangeAfterAMarkIsSeenAsNewerForThatKeyOnly() {
        ApplianceStateStore store = ApplianceStateStore.inMemory("test", clock);
        store.apply(event(HomeConnectEventType.STATUS, DOOR, text("open")));
        long mark = store.changeMark();

        store.apply(event(HomeConnectEventType.NOTIFY, CHILD_LOCK, JsonNodeFactory.instance.booleanNode(true)));

        assertThat(store.changedSince(WASHER, CHILD_LOCK, mark)).isTrue();
        assertThat(store.changedSince(WASHER, DOOR, mark)).isFalse();
    }

    private static HomeConnectEvent event(HomeConnectEventType type, String key, JsonNode value) {
        return HomeConnectEvent.of(WASHER, type, List.of(item(key, value)), null, T);
    }

    private static HomeConnectEventItem item(String key, JsonNode value) {
        return new HomeConnectEventItem(key, value, null, T.minusSeconds(5), "hint", "none", null, null, null, null, null);
    }

    private static JsonNode text(String value) {
        return JsonNodeFactory.instance.textNode(value);
    }
}
