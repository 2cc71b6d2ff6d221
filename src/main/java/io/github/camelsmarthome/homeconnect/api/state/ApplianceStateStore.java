package io.github.camelsmarthome.homeconnect.api.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.homeconnect.api.event.EventOrigin;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventItem;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventType;
import io.github.camelsmarthome.storage.AccountFileName;
import io.github.camelsmarthome.storage.OwnerOnlyFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last known state of every appliance of one account: identity, whether it has its cloud link,
 * and the last value of every key seen, updated from every event the stream produces (received,
 * resynced) and saved to {@code <STATE_DIR>/<account>.appliances.json}.
 *
 * <p>The file is written atomically and owner-only by {@link OwnerOnlyFileWriter}; a missing file
 * means the account was never seen, a corrupt one is reported once and the store starts empty.
 * {@link #save()} does blocking I/O: call it off the event loop ({@link StateSaveScheduler} does).
 *
 * <p>Thread-safe: the stream writes, producers read from any thread; every read returns copies.
 */
public final class ApplianceStateStore {

    private static final Logger LOG = LoggerFactory.getLogger(ApplianceStateStore.class);

    private static final String SUFFIX = ".appliances.json";
    private static final long MAX_FILE_BYTES = 8L * 1024 * 1024;
    /** A household has a handful; far more can only come from a broken or hostile stream. */
    static final int MAX_APPLIANCES = 200;
    /** An appliance has a few hundred keys at most. */
    static final int MAX_KEYS_PER_APPLIANCE = 2000;

    private final String account;
    private final Clock clock;
    private final OwnerOnlyFileWriter writer;
    private final boolean restored;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

    // Guarded by this.
    private final Map<String, MutableAppliance> appliances = new LinkedHashMap<>();
    private volatile boolean listed;
    private long sequence;
    private long changesSaved;
    private boolean warnedOverflow;

    private ApplianceStateStore(String account, Clock clock, OwnerOnlyFileWriter writer, List<KnownAppliance> loaded) {
        this.account = Objects.requireNonNull(account, "account");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = writer;
        this.restored = loaded != null;
        if (loaded != null) {
            loaded.forEach(known -> appliances.put(known.haId(), MutableAppliance.of(known)));
        }
    }

    /** A store that keeps state in memory only: every start seeds over REST. */
    public static ApplianceStateStore inMemory(String account, Clock clock) {
        return new ApplianceStateStore(account, clock, null, null);
    }

    /**
     * Loads the state of {@code account} saved in {@code directory}; blocking I/O. A missing file
     * gives an empty store that {@linkplain #restoredFromFile() was not restored}; an unreadable or
     * corrupt one the same after one warning naming the file.
     */
    public static ApplianceStateStore open(Path directory, String account, Clock clock) {
        OwnerOnlyFileWriter writer = new OwnerOnlyFileWriter(directory, "appliance state");
        Path file = writer.directory().resolve(AccountFileName.of(account, SUFFIX));
        List<KnownAppliance> loaded = null;
        try {
            loaded = read(file);
            writer.restrictToOwner(file);
            LOG.debug("Restored the state of {} appliance(s) of {} from {}", loaded.size(), account, file);
        } catch (NoSuchFileException firstStart) {
            LOG.info("No saved appliance state for {} at {}; the appliances will be read from Home Connect once", account, file);
        } catch (IOException | RuntimeException unusable) {
            LOG.warn("Saved appliance state for {} at {} is unusable ({}); starting without it, so the appliances will be "
                    + "read from Home Connect again", account, file, unusable.getMessage());
        }
        return new ApplianceStateStore(account, clock, writer, loaded);
    }

    /** Whether the store began from a saved file, i.e. the account was seen before and no seeding is needed. */
    public boolean restoredFromFile() {
        return restored;
    }

    /**
     * Notes that the whole account was just listed ({@code GET /homeappliances}) and the appliances
     * that left it were removed: from now on {@link #completeApplianceIds()} answers.
     */
    public void markListed() {
        listed = true;
    }

    /**
     * The account's appliances, once the list is known to be complete: restored from the saved
     * state (kept in step with the account by list reads, PAIRED and DEPAIRED) or read in this
     * run. Empty while an account never saved is still being listed for the first time, and while
     * a saved state without any appliance has not been confirmed by a list read (an empty file
     * proves little, and "no appliance" would clear every appliance's Home Assistant entities).
     */
    public synchronized Optional<Set<String>> completeApplianceIds() {
        boolean complete = listed || restored && !appliances.isEmpty();
        return complete ? Optional.of(Set.copyOf(appliances.keySet())) : Optional.empty();
    }

    /** The file state is saved to, if any. */
    public Optional<Path> file() {
        return writer == null ? Optional.empty() : Optional.of(writer.directory().resolve(AccountFileName.of(account, SUFFIX)));
    }

    /** Runs {@code listener} after every change, on the changing thread; used to schedule saves. */
    public void addChangeListener(Runnable listener) {
        changeListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Applies one event: items of STATUS, NOTIFY and EVENT update values and show the appliance is
     * connected; CONNECTED and PAIRED mark it connected, DISCONNECTED unavailable (its values are
     * kept), DEPAIRED removes it. Restored events and the bridge's own events change nothing.
     */
    public void apply(HomeConnectEvent event) {
        if (event.origin().equals(EventOrigin.RESTORED)) {
            return;
        }
        HomeConnectEventType type = event.eventType();
        boolean changed;
        synchronized (this) {
            if (type.equals(HomeConnectEventType.DEPAIRED)) {
                changed = appliances.remove(event.deviceId()) != null;
            } else if (type.equals(HomeConnectEventType.CONNECTED) || type.equals(HomeConnectEventType.PAIRED)) {
                changed = connect(event.deviceId(), true, event.receivedAt());
            } else if (type.equals(HomeConnectEventType.DISCONNECTED)) {
                changed = connect(event.deviceId(), false, event.receivedAt());
            } else if (type.carriesItems()) {
                changed = applyItems(event);
            } else {
                changed = false;
            }
        }
        if (changed) {
            notifyChange();
        }
    }

    /**
     * Takes an appliance's identity from an element of {@code GET /homeappliances}: name, type,
     * brand, vib, enumber. Whether it is connected travels as an event, not through here.
     *
     * @return whether the appliance was unknown before
     */
    public boolean updateIdentity(JsonNode appliance) {
        String haId = appliance.path("haId").asText(null);
        if (haId == null || haId.isBlank()) {
            return false;
        }
        boolean added;
        synchronized (this) {
            MutableAppliance known = appliances.get(haId);
            added = known == null;
            known = added ? create(haId, appliance.path("connected").asBoolean(true), clock.instant()) : known;
            if (known == null) {
                return false;
            }
            known.name = textOr(appliance, "name", known.name);
            known.type = textOr(appliance, "type", known.type);
            known.brand = textOr(appliance, "brand", known.brand);
            known.vib = textOr(appliance, "vib", known.vib);
            known.enumber = textOr(appliance, "enumber", known.enumber);
            sequence++;
        }
        notifyChange();
        return added;
    }

    /** Records that the appliance's state was just read over REST. */
    public void markSynced(String haId) {
        synchronized (this) {
            MutableAppliance known = appliances.get(haId);
            if (known == null) {
                return;
            }
            known.syncedAt = clock.instant();
            sequence++;
        }
        notifyChange();
    }

    /** A mark to pass to {@link #changedSince} later: every change after this call is newer. */
    public synchronized long changeMark() {
        return sequence;
    }

    /**
     * Whether {@code key} of {@code haId} changed after {@code mark}: a REST answer requested at the
     * mark must not overwrite an event that arrived while it was in flight.
     */
    public synchronized boolean changedSince(String haId, String key, long mark) {
        MutableAppliance known = appliances.get(haId);
        MutableValue value = known == null ? null : known.values.get(key);
        return value != null && value.sequence > mark;
    }

    /** Every known appliance, in the order they became known. */
    public synchronized List<KnownAppliance> appliances() {
        List<KnownAppliance> all = new ArrayList<>(appliances.size());
        appliances.values().forEach(known -> all.add(known.snapshot()));
        return all;
    }

    /** The ids of every known appliance. */
    public synchronized Set<String> applianceIds() {
        return Set.copyOf(appliances.keySet());
    }

    /** What is known about one appliance. */
    public synchronized Optional<KnownAppliance> appliance(String haId) {
        MutableAppliance known = appliances.get(haId);
        return known == null ? Optional.empty() : Optional.of(known.snapshot());
    }

    /**
     * What is known about one appliance as JSON (identity, {@code connected}, and {@code values}
     * by key with value, unit, timestamp and when it was learned); the form is documented on
     * {@code docs/homeconnect-event-stream.md}. Empty for an unknown appliance.
     */
    public Optional<JsonNode> knownStatus(String haId) {
        return appliance(haId).map(ApplianceStateJson::toJson);
    }

    /** The last known value of {@code key} of {@code haId}, e.g. {@code BSH.Common.Status.RemoteControlStartAllowed}. */
    public synchronized Optional<JsonNode> value(String haId, String key) {
        MutableAppliance known = appliances.get(haId);
        MutableValue value = known == null ? null : known.values.get(key);
        return value == null ? Optional.empty() : Optional.of(value.value.deepCopy());
    }

    /** Whether the appliance is known and had its cloud link at the last news. */
    public synchronized boolean isConnected(String haId) {
        MutableAppliance known = appliances.get(haId);
        return known != null && known.connected;
    }

    /**
     * Writes the state when it changed since the last save; blocking I/O, never on an event loop.
     * A store {@linkplain #inMemory in memory} writes nothing.
     */
    public void save() throws IOException {
        if (writer == null) {
            return;
        }
        List<KnownAppliance> snapshot;
        long savedSequence;
        synchronized (this) {
            if (sequence == changesSaved) {
                return;
            }
            snapshot = appliances();
            savedSequence = sequence;
        }
        byte[] content = ApplianceStateJson.writeFile(account, clock.instant(), snapshot);
        Path file = writer.write(AccountFileName.of(account, SUFFIX), content);
        synchronized (this) {
            changesSaved = Math.max(changesSaved, savedSequence);
        }
        LOG.debug("Saved the state of {} appliance(s) of {} to {}", snapshot.size(), account, file);
    }

    private boolean applyItems(HomeConnectEvent event) {
        MutableAppliance known = appliances.get(event.deviceId());
        if (known == null) {
            known = create(event.deviceId(), true, event.receivedAt());
            if (known == null) {
                return false;
            }
        }
        sequence++;
        known.connected = true;
        known.updatedAt = event.receivedAt();
        for (HomeConnectEventItem item : event.items()) {
            if (!known.values.containsKey(item.key()) && known.values.size() >= MAX_KEYS_PER_APPLIANCE) {
                warnOverflow("more than " + MAX_KEYS_PER_APPLIANCE + " keys for " + event.deviceId());
                continue;
            }
            known.values.put(item.key(), new MutableValue(item.value().deepCopy(), item.unit(), item.timestamp(),
                    event.receivedAt(), sequence));
        }
        return true;
    }

    private boolean connect(String haId, boolean connected, Instant at) {
        MutableAppliance known = appliances.get(haId);
        if (known == null) {
            return create(haId, connected, at) != null;
        }
        if (known.connected == connected) {
            return false;
        }
        sequence++;
        known.connected = connected;
        known.updatedAt = at;
        return true;
    }

    private MutableAppliance create(String haId, boolean connected, Instant at) {
        if (appliances.size() >= MAX_APPLIANCES) {
            warnOverflow("more than " + MAX_APPLIANCES + " appliances");
            return null;
        }
        sequence++;
        MutableAppliance created = new MutableAppliance(haId, connected, at);
        appliances.put(haId, created);
        return created;
    }

    private void warnOverflow(String what) {
        if (!warnedOverflow) {
            warnedOverflow = true;
            LOG.warn("Home Connect account {} reports {}; further ones are not kept in the saved state", account, what);
        }
    }

    private void notifyChange() {
        for (Runnable listener : changeListeners) {
            listener.run();
        }
    }

    private static String textOr(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : fallback;
    }

    private static List<KnownAppliance> read(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("not a regular file");
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException("larger than " + MAX_FILE_BYTES + " bytes");
        }
        return ApplianceStateJson.readFile(Files.readAllBytes(file));
    }

    /** One appliance as the store keeps it; only touched under the store's lock. */
    private static final class MutableAppliance {
        final String haId;
        String name;
        String type;
        String brand;
        String vib;
        String enumber;
        boolean connected;
        Instant syncedAt;
        Instant updatedAt;
        final Map<String, MutableValue> values = new LinkedHashMap<>();

        MutableAppliance(String haId, boolean connected, Instant updatedAt) {
            this.haId = haId;
            this.connected = connected;
            this.updatedAt = updatedAt;
        }

        static MutableAppliance of(KnownAppliance known) {
            MutableAppliance appliance = new MutableAppliance(known.haId(), known.connected(), known.updatedAt());
            appliance.name = known.name();
            appliance.type = known.type();
            appliance.brand = known.brand();
            appliance.vib = known.vib();
            appliance.enumber = known.enumber();
            appliance.syncedAt = known.syncedAt();
            known.values().forEach((key, value) -> appliance.values.put(key,
                    new MutableValue(value.value(), value.unit(), value.timestamp(), value.updatedAt(), 0)));
            return appliance;
        }

        KnownAppliance snapshot() {
            Map<String, KnownValue> copy = new LinkedHashMap<>();
            values.forEach((key, value) -> copy.put(key, new KnownValue(value.value, value.unit, value.timestamp, value.updatedAt)));
            return new KnownAppliance(haId, name, type, brand, vib, enumber, connected, syncedAt, updatedAt, copy);
        }
    }

    /** One value with the change sequence that set it. */
    private record MutableValue(JsonNode value, String unit, Instant timestamp, Instant updatedAt, long sequence) {
    }
}
