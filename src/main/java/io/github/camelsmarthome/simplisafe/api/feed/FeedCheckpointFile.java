package io.github.camelsmarthome.simplisafe.api.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.simplisafe.api.event.SeenEventIds;
import io.github.camelsmarthome.storage.AccountFileName;
import io.github.camelsmarthome.storage.OwnerOnlyFileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a SimpliSafe feed must remember across a crash so that a restart neither repeats nor skips
 * upstream events: per system, the event-history position and the ids of the events recently
 * emitted. Saved to {@code <stateDir>/<account>.simplisafe-feed.json}, atomically and owner-only;
 * the feed saves <em>before</em> it hands events to the routes, so an event that reached a sink is
 * always in the file (a crash in between loses the event instead of repeating it).
 *
 * <p>The file comes from disk and may be truncated by a full disk or edited by hand: anything
 * unreadable is one log line and a count in {@link #unreadableFiles()}, and the feed starts as if
 * there were no file. It is bounded: at most {@link SeenEventIds#MAX_SYSTEMS} systems of
 * {@link SeenEventIds#DEFAULT_CAPACITY_PER_SYSTEM} ids each are kept and read, and a file larger
 * than {@link #MAX_FILE_BYTES} is not read.
 *
 * <p>{@link #save} does blocking I/O: call it off the event loop. Thread-safe.
 */
public final class FeedCheckpointFile {

    /** Larger files are not read: the bounds above give well under a megabyte. */
    public static final long MAX_FILE_BYTES = 2L * 1024 * 1024;
    /** Longer ids are not ids this bundle writes ({@code id:<eventId>}). */
    static final int MAX_ID_CHARS = 64;

    private static final Logger LOG = LoggerFactory.getLogger(FeedCheckpointFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;

    private final Path file;
    private final OwnerOnlyFileWriter writer;
    private final Map<Long, SystemCheckpoint> restored;
    private final AtomicLong unreadable = new AtomicLong();
    private final AtomicLong failedSaves = new AtomicLong();
    private final AtomicLong saves = new AtomicLong();
    private final AtomicBoolean failing = new AtomicBoolean();

    private FeedCheckpointFile(Path file, OwnerOnlyFileWriter writer, Map<Long, SystemCheckpoint> restored, long unreadableFiles) {
        this.file = file;
        this.writer = writer;
        this.restored = restored;
        this.unreadable.set(unreadableFiles);
    }

    /** No file: nothing is restored or saved (tests, embedders without a state directory). */
    public static FeedCheckpointFile none() {
        return new FeedCheckpointFile(null, null, Map.of(), 0);
    }

    /**
     * Reads the checkpoint of {@code account} in {@code directory}; blocking I/O. A missing file is
     * a first start; an unreadable one is logged once and treated as missing.
     */
    public static FeedCheckpointFile open(Path directory, String account) {
        Path file = directory.resolve(AccountFileName.of(account, ".simplisafe-feed.json"));
        OwnerOnlyFileWriter writer = new OwnerOnlyFileWriter(directory, "SimpliSafe feed checkpoint");
        try {
            Map<Long, SystemCheckpoint> loaded = read(file);
            LOG.debug("SimpliSafe feed checkpoint of {} systems restored from {}", loaded.size(), file);
            return new FeedCheckpointFile(file, writer, loaded, 0);
        } catch (NoSuchFileException firstStart) {
            return new FeedCheckpointFile(file, writer, Map.of(), 0);
        } catch (IOException | RuntimeException unreadableFile) {
            LOG.warn("The SimpliSafe feed checkpoint {} is unreadable ({}); starting without it: events of the downtime are"
                     + " not back-filled, and the file is rewritten at the next event", file, reason(unreadableFile));
            return new FeedCheckpointFile(file, writer, Map.of(), 1);
        }
    }

    /** What was saved for {@code systemId}, if anything. */
    public Optional<SystemCheckpoint> restored(long systemId) {
        return Optional.ofNullable(restored.get(systemId));
    }

    /** Whether this saves anything at all. */
    public boolean isPersistent() {
        return file != null;
    }

    /** The file, when persistent. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * Replaces the file with {@code systems} (at most {@link SeenEventIds#MAX_SYSTEMS}, the newest
     * {@link SeenEventIds#DEFAULT_CAPACITY_PER_SYSTEM} ids of each); blocking I/O. A failure is logged
     * (once until a save works again) and counted, never thrown: the feed goes on.
     */
    public void save(Map<Long, SystemCheckpoint> systems) {
        if (file == null) {
            return;
        }
        try {
            writer.write(file.getFileName().toString(), JSON.writeValueAsBytes(toJson(systems)));
            saves.incrementAndGet();
            if (failing.compareAndSet(true, false)) {
                LOG.info("The SimpliSafe feed checkpoint is saved again to {}", file);
            }
        } catch (IOException | RuntimeException cannotSave) {
            failedSaves.incrementAndGet();
            if (failing.compareAndSet(false, true)) {
                LOG.warn("Cannot save the SimpliSafe feed checkpoint to {} ({}); after a restart, events delivered meanwhile may"
                         + " be delivered again. Retrying with the next event.", file, reason(cannotSave));
            }
        }
    }

    /** Files found unreadable at open (0 or 1). */
    public long unreadableFiles() {
        return unreadable.get();
    }

    /** Saves that failed. */
    public long failedSaves() {
        return failedSaves.get();
    }

    /** Saves that worked. */
    public long saves() {
        return saves.get();
    }

    private static ObjectNode toJson(Map<Long, SystemCheckpoint> systems) {
        ObjectNode root = JSON.createObjectNode().put("version", VERSION);
        ObjectNode bySystem = root.putObject("systems");
        systems.entrySet().stream().limit(SeenEventIds.MAX_SYSTEMS).forEach(entry -> {
            SystemCheckpoint checkpoint = entry.getValue();
            ObjectNode system = bySystem.putObject(Long.toString(entry.getKey()));
            checkpoint.lastEventId().ifPresent(id -> system.put("lastEventId", id));
            checkpoint.lastEventTime().ifPresent(time -> system.put("lastEventTime", time.toString()));
            ArrayNode ids = system.putArray("emitted");
            List<String> emitted = checkpoint.emittedIds();
            emitted.subList(Math.max(0, emitted.size() - SeenEventIds.DEFAULT_CAPACITY_PER_SYSTEM), emitted.size()).forEach(ids::add);
        });
        return root;
    }

    private static Map<Long, SystemCheckpoint> read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new IOException(size + " bytes, more than the " + MAX_FILE_BYTES + " a checkpoint can have");
        }
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        }
        if (root == null || !root.isObject() || root.path("version").asInt() != VERSION || !root.path("systems").isObject()) {
            throw new IOException("not a version " + VERSION + " checkpoint");
        }
        Map<Long, SystemCheckpoint> systems = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.path("systems").fields();
        while (fields.hasNext() && systems.size() < SeenEventIds.MAX_SYSTEMS) {
            Map.Entry<String, JsonNode> field = fields.next();
            systems.put(Long.parseLong(field.getKey()), system(field.getValue()));
        }
        return Map.copyOf(systems);
    }

    private static SystemCheckpoint system(JsonNode node) throws IOException {
        if (!node.isObject()) {
            throw new IOException("a system entry is not an object");
        }
        JsonNode id = node.path("lastEventId");
        JsonNode time = node.path("lastEventTime");
        if (!id.isMissingNode() && !id.canConvertToLong() || !time.isMissingNode() && !time.isTextual()) {
            throw new IOException("a history position is malformed");
        }
        List<String> emitted = new ArrayList<>();
        for (JsonNode value : node.path("emitted")) {
            if (!value.isTextual() || value.asText().isEmpty() || value.asText().length() > MAX_ID_CHARS) {
                throw new IOException("an emitted id is malformed");
            }
            emitted.add(value.asText());
        }
        List<String> newest = emitted.subList(Math.max(0, emitted.size() - SeenEventIds.DEFAULT_CAPACITY_PER_SYSTEM), emitted.size());
        return new SystemCheckpoint(id.isMissingNode() ? null : id.asLong(), time.isMissingNode() ? null : Instant.parse(time.asText()),
                newest);
    }

    private static String reason(Exception failure) {
        if (failure instanceof DateTimeParseException || failure instanceof NumberFormatException) {
            return "a malformed value";
        }
        // Jackson's messages quote the input; the class name and location are enough and leak nothing.
        if (failure instanceof com.fasterxml.jackson.core.JsonProcessingException parse) {
            return "not JSON (" + parse.getClass().getSimpleName()
                   + (parse.getLocation() == null ? "" : " at byte " + parse.getLocation().getByteOffset()) + ")";
        }
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    /**
     * What is remembered of one system.
     *
     * @param lastEventIdOrNull the event id of the history position, {@code null} before any history was read
     * @param lastEventTimeOrNull that event's time
     * @param emittedIds ids of events emitted (or recognised as already emitted), oldest first
     */
    public record SystemCheckpoint(Long lastEventIdOrNull, Instant lastEventTimeOrNull, List<String> emittedIds) {

        /** Copies the list. */
        public SystemCheckpoint {
            emittedIds = List.copyOf(Objects.requireNonNull(emittedIds, "emittedIds"));
        }

        /** The event id of the history position. */
        public Optional<Long> lastEventId() {
            return Optional.ofNullable(lastEventIdOrNull);
        }

        /** The time of the history position. */
        public Optional<Instant> lastEventTime() {
            return Optional.ofNullable(lastEventTimeOrNull);
        }

        /** Whether a history position was saved, so the first history page is not a baseline. */
        public boolean hasPosition() {
            return lastEventIdOrNull != null && lastEventTimeOrNull != null;
        }
    }
}
