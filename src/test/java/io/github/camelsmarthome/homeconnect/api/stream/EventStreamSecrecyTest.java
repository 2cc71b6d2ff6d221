package io.github.camelsmarthome.homeconnect.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.testing.CapturedLogs;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

/** Design section 8: no token in any log line, at any level, through connect, 401, renewal, reconnect and resync. */
class EventStreamSecrecyTest extends EventStreamTestSupport {

    @Test
    void noTokenReachesAnyLogLineOrTheStateFile() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(issued.accessToken(), issued.refreshToken()));
        try (CapturedLogs logs = CapturedLogs.capture("io.github.camelsmarthome")) {
            HomeConnectEventStream stream = startStream();
            awaitSynced(stream, Instant.EPOCH);
            cloud.faults().closeStreamsUnauthorized(1);
            await().atMost(AT_MOST).until(() -> stream.metrics().reconnects() == 1 && stream.state() == StreamState.CONNECTED);
            awaitSynced(stream, listener.gapMarkers().get(0).receivedAt());
            stream.stop().toCompletableFuture().get();
            OAuthTokens renewed = tokenStore.load(ACCOUNT).orElseThrow();
            secrets.add(renewed.accessToken());
            secrets.add(renewed.refreshToken());

            assertThat(logs.atLevel(Level.DEBUG)).isNotEmpty();
            assertThat(secrets).doesNotContainNull().allSatisfy(secret -> assertThat(logs.allText()).doesNotContain(secret));
            String stateFile = Files.readString(stream.stateStore().file().orElseThrow());
            assertThat(secrets).allSatisfy(secret -> assertThat(stateFile).doesNotContain(secret));
        }
    }
}
