package io.github.camelsmarthome.homeconnect.api;

import io.github.camelsmarthome.storage.OwnerOnlyFileWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Reads and writes a {@link BudgetState} as a small JSON document. Writes go to a temporary file in
 * the same directory that is then renamed over the old one, so a crash leaves the old or the new
 * state, never half of one.
 */
final class BudgetStateFile {

    static final int FORMAT_VERSION = 1;
    /** Far more than a day's worth of any window; a bigger file is not ours. */
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private BudgetStateFile() {
    }

    static void write(Path file, BudgetState state) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", FORMAT_VERSION);
        putTimes(root, "requests", state.requests());
        putTimes(root, "programStarts", state.programStarts());
        putTimes(root, "programStops", state.programStops());
        putTimes(root, "tokenRequests", state.tokenRequests());
        putTimes(root, "successiveErrors", state.errors());
        root.put("burstTokens", state.burstTokens());
        root.put("burstUpdatedAt", state.burstUpdatedMillis());
        putInstant(root, "blockedUntil", state.blockedUntil());
        if (state.blockedBy() != null) {
            root.put("blockedBy", state.blockedBy().name());
        }
        putInstant(root, "programStartsBlockedUntil", state.startsBlockedUntil());
        putInstant(root, "programStopsBlockedUntil", state.stopsBlockedUntil());
        putInstant(root, "tokenRequestsBlockedUntil", state.tokenBlockedUntil());
        putInstant(root, "errorLockUntil", state.errorLockUntil());
        putInstant(root, "errorPauseUntil", state.errorPauseUntil());
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);

        // The same owner-only, atomic writer as the token store: the file tells when and how often
        // the account talks to Home Connect, which is nobody else's business.
        Path absolute = file.toAbsolutePath();
        new OwnerOnlyFileWriter(absolute.getParent(), "request budget").write(absolute.getFileName().toString(), bytes);
    }

    /**
     * Reads the state.
     *
     * @throws java.nio.file.NoSuchFileException when there is no file
     * @throws IOException when it cannot be read or is not a budget file; the message names the
     *                     problem, not the content
     */
    static BudgetState read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException("larger than " + MAX_FILE_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException malformed) {
            throw new IOException("not valid JSON" + (malformed.getLocation() == null ? ""
                    : " at line " + malformed.getLocation().getLineNr() + ", column " + malformed.getLocation().getColumnNr()));
        }
        if (root == null || !root.isObject()) {
            throw new IOException("not a JSON object");
        }
        if (root.path("version").asInt(-1) != FORMAT_VERSION) {
            throw new IOException("unknown format version");
        }
        return new BudgetState(
                times(root, "requests"),
                times(root, "programStarts"),
                times(root, "programStops"),
                times(root, "tokenRequests"),
                times(root, "successiveErrors"),
                number(root, "burstTokens"),
                (long) number(root, "burstUpdatedAt"),
                instant(root, "blockedUntil"),
                limit(root),
                instant(root, "programStartsBlockedUntil"),
                instant(root, "programStopsBlockedUntil"),
                instant(root, "tokenRequestsBlockedUntil"),
                instant(root, "errorLockUntil"),
                instant(root, "errorPauseUntil"));
    }

    private static void putTimes(ObjectNode root, String name, long[] times) {
        ArrayNode array = root.putArray(name);
        for (long time : times) {
            array.add(time);
        }
    }

    private static void putInstant(ObjectNode root, String name, Instant value) {
        if (value != null) {
            root.put(name, value.toEpochMilli());
        }
    }

    private static long[] times(JsonNode root, String name) throws IOException {
        JsonNode array = root.get(name);
        if (array == null || array.isNull()) {
            return new long[0];
        }
        if (!array.isArray()) {
            throw new IOException("'" + name + "' is not an array");
        }
        long[] times = new long[array.size()];
        for (int i = 0; i < times.length; i++) {
            JsonNode element = array.get(i);
            if (!element.isIntegralNumber() || !element.canConvertToLong() || element.longValue() < 0) {
                throw new IOException("'" + name + "' holds something other than epoch milliseconds");
            }
            times[i] = element.longValue();
        }
        return times;
    }

    private static double number(JsonNode root, String name) throws IOException {
        JsonNode value = root.get(name);
        if (value == null || !value.isNumber() || value.doubleValue() < 0 || !Double.isFinite(value.doubleValue())) {
            throw new IOException("'" + name + "' is missing or not a non-negative number");
        }
        return value.doubleValue();
    }

    private static Instant instant(JsonNode root, String name) throws IOException {
        JsonNode value = root.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IOException("'" + name + "' is not epoch milliseconds");
        }
        return Instant.ofEpochMilli(value.longValue());
    }

    private static RateLimit limit(JsonNode root) {
        JsonNode value = root.get("blockedBy");
        if (value == null || !value.isTextual()) {
            return RateLimit.UNKNOWN;
        }
        try {
            return RateLimit.valueOf(value.asText());
        } catch (IllegalArgumentException renamed) {
            return RateLimit.UNKNOWN;
        }
    }
}
