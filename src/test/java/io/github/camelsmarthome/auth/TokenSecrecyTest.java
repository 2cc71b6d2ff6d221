package io.github.camelsmarthome.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.testing.CapturedLogs;
import io.github.camelsmarthome.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No token appears in any log line at any level, nor in any status or exception message, through
 * a whole life cycle: load, failed refresh, renewal, rejection, re-authorisation, corrupt file
 * (design, section 8).
 */
class TokenSecrecyTest {

    private static final String ACCESS_1 = "eyJhbGciOiJSUzI1NiJ9.access-one.signature-one";
    private static final String REFRESH_1 = "refresh-one-7c1f0b2e9d";
    private static final String ID_1 = "id-token-one-5a5a5a";
    private static final String ACCESS_2 = "access-two-0f9e8d7c6b";
    private static final String REFRESH_2 = "refresh-two-1a2b3c4d5e";
    private static final String ACCESS_3 = "access-three-99aa88bb";
    private static final String REFRESH_3 = "refresh-three-77cc66dd";
    private static final String IN_CORRUPT_FILE = "refresh-in-corrupt-file-3141";
    private static final String[] SECRETS = {ACCESS_1, REFRESH_1, ID_1, ACCESS_2, REFRESH_2, ACCESS_3, REFRESH_3, IN_CORRUPT_FILE};

    @TempDir
    Path stateDir;

    private final MutableClock clock = new MutableClock();

    @Test
    void noTokenReachesTheLogsStatusesOrExceptions() throws IOException {
        List<String> visibleTexts = new CopyOnWriteArrayList<>();
        FileTokenStore store = new FileTokenStore(stateDir);
        store.save("homeconnect", new OAuthTokens(ACCESS_1, REFRESH_1, clock.instant().plusSeconds(30), "Monitor", "Bearer",
                Map.of("id_token", ID_1)));
        Files.writeString(store.fileOf("broken"), "{\"refresh_token\":\"" + IN_CORRUPT_FILE + "\",");
        List<CompletableFuture<OAuthTokens>> answers = new ArrayList<>();

        try (CapturedLogs logs = CapturedLogs.capture("io.github.camelsmarthome")) {
            TokenRefresher refresher = TokenRefresher.builder("homeconnect", store, current -> {
                CompletableFuture<OAuthTokens> answer = new CompletableFuture<>();
                answers.add(answer);
                return answer;
            }).clock(clock).executor(Runnable::run).build();
            refresher.addListener((account, previous, current) -> visibleTexts.add(current.detail()));

            CompletableFuture<String> first = refresher.getValidToken();
            answers.get(0).completeExceptionally(new IOException("POST /security/oauth/token with refresh_token="
                    + REFRESH_1 + " and Authorization: Bearer " + ACCESS_1 + " failed"));
            clock.advance(Duration.ofSeconds(31));
            collect(visibleTexts, first, refresher);

            CompletableFuture<String> second = refresher.getValidToken();
            answers.get(1).complete(new OAuthTokens(ACCESS_2, REFRESH_2, clock.instant().plusSeconds(86400), null, null, null));
            collect(visibleTexts, second, refresher);

            CompletableFuture<String> third = refresher.refreshAfterRejection(ACCESS_2);
            answers.get(2).completeExceptionally(new RefreshRejectedException("invalid_grant",
                    "refresh token " + REFRESH_2 + " is revoked"));
            collect(visibleTexts, third, refresher);
            collect(visibleTexts, refresher.getValidToken(), refresher);

            refresher.authorize(new OAuthTokens(ACCESS_3, REFRESH_3, clock.instant().plusSeconds(86400), null, null, null)).join();
            collect(visibleTexts, refresher.getValidToken(), refresher);

            TokenRefresher broken = TokenRefresher.builder("broken", store, current -> answers.get(0)).clock(clock).build();
            collect(visibleTexts, broken.getValidToken(), broken);

            assertThat(logs.atLevel(Level.DEBUG)).as("DEBUG is captured").isNotEmpty();
            assertThat(logs.atLevel(Level.WARN)).isNotEmpty();
            assertThat(logs.atLevel(Level.ERROR)).isNotEmpty();
            assertThat(logs.allText()).doesNotContain(SECRETS).contains("[redacted]", "broken.tokens.json");
        }
        assertThat(String.join("\n", visibleTexts)).doesNotContain(SECRETS).contains("invalid_grant", "broken.tokens.json");
    }

    private static void collect(List<String> texts, CompletableFuture<String> token, TokenRefresher refresher) {
        texts.add(refresher.status().detail());
        token.handle((value, failure) -> texts.add(failure == null ? "token handed out" : failure.toString()))
                .join();
    }
}
