package io.github.camelsmarthome.simplisafe.api.feed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.camelsmarthome.simplisafe.api.event.SeenEventIds;
import io.github.camelsmarthome.simplisafe.api.feed.FeedCheckpointFile.SystemCheckpoint;
import io.github.camelsmarthome.testing.CapturedLogs;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The SimpliSafe feed's checkpoint on disk: round trip, owner-only, bounded, and hostile files. */
class FeedCheckpointFileTest {

    private static final String ACCOUNT = "simplisafe-test";
    private static final Instant TIME = Instant.parse("2026-11-22T02:00:00Z");

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(ACCOUNT + ".simplisafe-feed.json");
    }

    @Test
    void theHistoryPositionAndEmittedIdsOfEachSystemSurviveAReopen() {
        FeedCheckpointFile.open(dir, ACCOUNT).save(Map.of(
                12345L, new SystemCheckpoint(17L, TIME, List.of("id:15", "id:16", "id:17")),
                67890L, new SystemCheckpoint(null, null, List.of("id:99"))));

        FeedCheckpointFile reopened = FeedCheckpointFile.open(dir, ACCOUNT);

        assertThat(reopened.restored(12345L)).hasValue(new SystemCheckpoint(17L, TIME, List.of("id:15", "id:16", "id:17")));
        assertThat(reopened.restored(12345L).orElseThrow().hasPosition()).isTrue();
        assertThat(reopened.restored(67890L).orElseThrow().hasPosition()).isFalse();
        assertThat(reopened.restored(1L)).isEmpty();
        assertThat(reopened.unreadableFiles()).isZero();
    }

    @Test
    void theFileIsOwnerOnlyAndLeavesNoTemporaryFile() throws Exception {
        FeedCheckpointFile.open(dir, ACCOUNT).save(Map.of(1L, new SystemCheckpoint(1L, TIME, List.of("id:1"))));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file());
        }
    }

    @Test
    void onlyTheNewestIdsPerSystemAreKept() {
        List<String> many = IntStream.range(0, SeenEventIds.DEFAULT_CAPACITY_PER_SYSTEM + 100).mapToObj(i -> "id:" + i).toList();
        FeedCheckpointFile.open(dir, ACCOUNT).save(Map.of(1L, new SystemCheckpoint(1L, TIME, many)));

        List<String> kept = FeedCheckpointFile.open(dir, ACCOUNT).restored(1L).orElseThrow().emittedIds();

        assertThat(kept).hasSize(SeenEventIds.DEFAULT_CAPACITY_PER_SYSTEM).startsWith("id:100").endsWith("id:599");
    }

    @Test
    void aTruncatedFileIsOneWarningCountedAndStartsEmptyUntilTheNextSaveRepairsIt() throws Exception {
        FeedCheckpointFile.open(dir, ACCOUNT).save(Map.of(1L, new SystemCheckpoint(1L, TIME, List.of("id:1"))));
        byte[] whole = Files.readAllBytes(file());
        Files.write(file(), java.util.Arrays.copyOf(whole, whole.length / 2));

        FeedCheckpointFile truncated;
        try (CapturedLogs logs = CapturedLogs.capture(FeedCheckpointFile.class.getName())) {
            truncated = FeedCheckpointFile.open(dir, ACCOUNT);
            assertThat(logs.lines()).singleElement().satisfies(line -> {
                assertThat(line.level()).isEqualTo(Level.WARN);
                assertThat(line.message()).contains(file().toString(), "unreadable", "starting without it");
            });
        }
        assertThat(truncated.unreadableFiles()).isEqualTo(1);
        assertThat(truncated.restored(1L)).isEmpty();

        truncated.save(Map.of(2L, new SystemCheckpoint(2L, TIME, List.of("id:2"))));
        assertThat(FeedCheckpointFile.open(dir, ACCOUNT).restored(2L)).isPresent();
    }

    @Test
    void malformedContentDoesNotLeakIntoTheLogLine() throws Exception {
        Files.writeString(file(), "{\"version\":1,\"systems\":{\"1\":{\"lastEventId\":\"secret-looking-text\"}}}");

        try (CapturedLogs logs = CapturedLogs.capture(FeedCheckpointFile.class.getName())) {
            FeedCheckpointFile opened = FeedCheckpointFile.open(dir, ACCOUNT);
            assertThat(opened.unreadableFiles()).isEqualTo(1);
            assertThat(logs.allText()).contains("malformed").doesNotContain("secret-looking-text");
        }
    }

    @Test
    void anUnknownVersionOrShapeStartsEmpty() throws Exception {
        for (String content : List.of("[]", "{\"version\":2,\"systems\":{}}", "{\"version\":1,\"systems\":{\"x\":{}}}",
                "{\"version\":1,\"systems\":{\"1\":{\"emitted\":[1]}}}", "{\"version\":1,\"systems\":{\"1\":"
                                                                     + "{\"lastEventTime\":\"yesterday\"}}}")) {
            Files.writeString(file(), content);
            assertThat(FeedCheckpointFile.open(dir, ACCOUNT).unreadableFiles()).as(content).isEqualTo(1);
        }
    }

    @Test
    void anOversizedFileIsNotRead() throws Exception {
        Files.write(file(), new byte[(int) FeedCheckpointFile.MAX_FILE_BYTES + 1]);

        FeedCheckpointFile opened = FeedCheckpointFile.open(dir, ACCOUNT);

        assertThat(opened.unreadableFiles()).isEqualTo(1);
        assertThat(opened.restored(0L)).isEmpty();
    }

    @Test
    void aMissingFileIsAQuietFirstStart() {
        try (CapturedLogs logs = CapturedLogs.capture(FeedCheckpointFile.class.getName())) {
            FeedCheckpointFile opened = FeedCheckpointFile.open(dir, ACCOUNT);
            assertThat(opened.unreadableFiles()).isZero();
            assertThat(opened.isPersistent()).isTrue();
            assertThat(logs.atLevel(Level.WARN)).isEmpty();
        }
    }

    @Test
    void aSaveThatCannotWriteIsCountedAndThrowsNothing() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        FeedCheckpointFile unwritable = FeedCheckpointFile.open(notADirectory, ACCOUNT);

        unwritable.save(Map.of(1L, new SystemCheckpoint(1L, TIME, List.of("id:1"))));

        assertThat(unwritable.failedSaves()).isEqualTo(1);
        assertThat(unwritable.saves()).isZero();
    }

    @Test
    void withoutAFileNothingIsRestoredOrWritten() throws Exception {
        FeedCheckpointFile none = FeedCheckpointFile.none();
        none.save(Map.of(1L, new SystemCheckpoint(1L, TIME, List.of("id:1"))));

        assertThat(none.isPersistent()).isFalse();
        assertThat(none.restored(1L)).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
