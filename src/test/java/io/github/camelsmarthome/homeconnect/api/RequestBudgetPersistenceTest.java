package io.github.camelsmarthome.homeconnect.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.testing.CapturedLogs;
import io.github.camelsmarthome.testing.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A restart must not hand out a budget the service has not granted (developer brief, sections 7 and 10). */
class RequestBudgetPersistenceTest {

    @TempDir
    Path stateDir;

    private final MutableClock clock = new MutableClock();

    private RequestBudget fresh() {
        return new RequestBudget("homeconnect/test", BudgetLimits.HOME_CONNECT, clock);
    }

    private RequestBudget loadFrom(Path file) {
        return RequestBudget.load(file, "homeconnect/test", BudgetLimits.HOME_CONNECT, clock);
    }

    @Test
    void aRestartKeepsTheDaysCountersAndBlocks() throws IOException {
        RequestBudget before = fresh();
        Instant first = clock.instant();
        for (int i = 0; i < 300; i++) {
            assertThat(before.tryAcquire(i % 50 == 0 ? RequestKind.PROGRAM_START : RequestKind.READ, RequestPriority.HIGH)
                    .isGranted()).isTrue();
            clock.advance(Duration.ofSeconds(2));
        }
        before.tryAcquire(RequestKind.PROGRAM_STOP, RequestPriority.HIGH);
        before.tryAcquire(RequestKind.TOKEN, RequestPriority.HIGH);
        for (int i = 0; i < 6; i++) {
            before.recordResponse(409);
        }
        before.onRateLimited(Duration.ofSeconds(90), RateLimit.PER_MINUTE);
        Path file = stateDir.resolve("budget.json");

        before.save(file);
        RequestBudget after = loadFrom(file);

        assertThat(after.remaining()).isEqualTo(before.remaining());
        assertThat(after.remaining().dailyRemaining()).isEqualTo(699);
        assertThat(after.remaining().successiveErrors()).isEqualTo(6);
        assertThat(after.remaining().blockedBy()).contains(RateLimit.PER_MINUTE);
        assertThat(after.tryAcquire(RequestKind.READ, RequestPriority.HIGH).limit()).contains(RateLimit.PER_MINUTE);

        clock.set(first.plus(Duration.ofHours(24)).plusSeconds(1));
        assertThat(after.remaining().dailyRemaining()).isGreaterThan(699);
        try (Stream<Path> files = Files.list(stateDir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void startsFullWithoutWarningWhenThereIsNoFileYet() {
        try (CapturedLogs logs = CapturedLogs.capture(RequestBudget.class.getName())) {
            RequestBudget budget = loadFrom(stateDir.resolve("missing.json"));

            assertThat(budget.remaining().dailyRemaining()).isEqualTo(1000);
            assertThat(logs.atLevel(Level.WARN)).isEmpty();
        }
    }

    static Stream<String> corruptContents() {
        return Stream.of("", "{", "not json at all", "[]", "{\"version\":99}", "{\"version\":1,\"requests\":\"x\"}",
                "{\"version\":1,\"requests\":[-5],\"burstTokens\":1,\"burstUpdatedAt\":0}",
                "{\"version\":1,\"requests\":[1.5],\"burstTokens\":1,\"burstUpdatedAt\":0}",
                "{\"version\":1,\"requests\":[],\"burstUpdatedAt\":0}",
                "{\"version\":1,\"requests\":[],\"burstTokens\":1,\"burstUpdatedAt\":0,\"blockedUntil\":\"soon\"}");
    }

    @ParameterizedTest
    @MethodSource("corruptContents")
    void startsFreshWithOneWarningNamingACorruptFile(String content) throws IOException {
        Path file = stateDir.resolve("budget.json");
        Files.writeString(file, content, StandardCharsets.UTF_8);

        try (CapturedLogs logs = CapturedLogs.capture(RequestBudget.class.getName())) {
            RequestBudget budget = loadFrom(file);

            assertThat(budget.remaining().dailyRemaining()).isEqualTo(1000);
            assertThat(budget.remaining().blockedUntil()).isEmpty();
            assertThat(logs.atLevel(Level.WARN)).singleElement()
                    .satisfies(line -> assertThat(line.message()).contains(file.toString(), "unusable", "full budget"));
        }
    }

    @Test
    void countsSavedTimesFromTheFutureAsNowAndCapsAbsurdBlocks() throws IOException {
        Path file = stateDir.resolve("budget.json");
        long future = clock.instant().plus(Duration.ofDays(3)).toEpochMilli();
        Files.writeString(file, "{\"version\":1,\"requests\":[" + future + "],\"burstTokens\":20,\"burstUpdatedAt\":0,"
                + "\"blockedUntil\":" + future + ",\"blockedBy\":\"NO_SUCH_LIMIT\"}");

        RequestBudget budget = loadFrom(file);

        assertThat(budget.remaining().dailyRemaining()).isEqualTo(999);
        assertThat(budget.remaining().blockedUntil()).contains(clock.instant().plus(Duration.ofHours(48)));
        assertThat(budget.remaining().blockedBy()).contains(RateLimit.UNKNOWN);
        clock.advance(Duration.ofHours(24));
        assertThat(budget.remaining().dailyRemaining()).isEqualTo(1000);
    }

    @Test
    void createsTheStateDirectoryWhenMissing() throws IOException {
        Path file = stateDir.resolve("nested/deeper/budget.json");

        fresh().save(file);

        assertThat(file).isRegularFile();
    }

    @Test
    void theFileIsOwnerOnlyAndNoTemporaryFileIsLeft() throws IOException {
        Path file = stateDir.resolve("budget.json");

        fresh().save(file);
        fresh().save(file);

        assertThat(java.nio.file.Files.getPosixFilePermissions(file))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(stateDir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
