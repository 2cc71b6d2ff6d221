package io.github.camelsmarthome.component;

import java.util.ArrayList;
import java.util.List;

import io.github.camelsmarthome.testing.CapturedLogs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NewAccountListenersTest {

    @Test
    void aFailingListenerIsLoggedWithTheAccountAndTheOthersStillHearOfIt() {
        NewAccountListeners listeners = new NewAccountListeners("Home Connect");
        List<String> heard = new ArrayList<>();
        listeners.add(name -> {
            throw new IllegalStateException("meters closed");
        });
        listeners.add(heard::add);

        try (CapturedLogs logs = CapturedLogs.capture(NewAccountListeners.class.getName())) {
            listeners.announce("bob");

            assertThat(heard).containsExactly("bob");
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line.fullText()).contains("Home Connect account bob").contains("meters closed"));
        }
    }
}
