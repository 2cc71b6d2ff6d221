package io.github.camelsmarthome.homeconnect.api.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the saved appliance state counts as the account's complete appliance list. */
class CompleteApplianceListTest {

    private static final String WASHER = "SIEMENS-HCS03WCH1-7BC6383CF794";
    private static final String OVEN = "BOSCH-HBG634BS1-68A40E251CA0";
    private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");

    @TempDir
    Path root;

    private final Clock clock = Clock.systemUTC();

    @Test
    void anAccountNeverSavedHasNoCompleteListUntilItWasListed() {
        ApplianceStateStore store = ApplianceStateStore.inMemory("test", clock);
        store.apply(HomeConnectEvent.of(WASHER, HomeConnectEventType.CONNECTED, List.of(), null, T));

        assertThat(store.completeApplianceIds()).isEmpty();

        store.markListed();
        assertThat(store.completeApplianceIds()).contains(java.util.Set.of(WASHER));
    }

    @Test
    void aRestoredStateIsTheCompleteListAndDepairedLeavesIt() throws IOException {
        ApplianceStateStore saved = ApplianceStateStore.open(root, "account", clock);
        saved.apply(HomeConnectEvent.of(WASHER, HomeConnectEventType.CONNECTED, List.of(), null, T));
        saved.apply(HomeConnectEvent.of(OVEN, HomeConnectEventType.CONNECTED, List.of(), null, T));
        saved.save();

        ApplianceStateStore restored = ApplianceStateStore.open(root, "account", clock);
        assertThat(restored.completeApplianceIds()).contains(java.util.Set.of(WASHER, OVEN));

        restored.apply(HomeConnectEvent.of(OVEN, HomeConnectEventType.DEPAIRED, List.of(), null, T));
        assertThat(restored.completeApplianceIds()).contains(java.util.Set.of(WASHER));
    }

    @Test
    void aRestoredStateWithoutAnyApplianceIsNotTakenForAnEmptyAccount() throws IOException {
        Path file = ApplianceStateStore.open(root, "account", clock).file().orElseThrow();
        java.nio.file.Files.write(file, ApplianceStateJson.writeFile("account", T, List.of()));

        ApplianceStateStore restored = ApplianceStateStore.open(root, "account", clock);

        assertThat(restored.restoredFromFile()).isTrue();
        assertThat(restored.completeApplianceIds()).isEmpty();
        restored.markListed();
        assertThat(restored.completeApplianceIds()).contains(java.util.Set.of());
    }
}
