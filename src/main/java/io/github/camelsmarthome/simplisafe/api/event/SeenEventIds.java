package io.github.camelsmarthome.simplisafe.api.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids of the events recently emitted, per system, so that an event is emitted once even when
 * it arrives on the websocket and again in the REST history read after a reconnect (brief 9 rule 6).
 * Both paths give the same upstream event the same {@link SimplisafeEvent#id()}
 * ({@code id:<eventId>}).
 *
 * <p>Bounded twice: per system, the least recently seen id is forgotten beyond
 * {@code capacityPerSystem}; and the least recently active system is forgotten beyond
 * {@link #MAX_SYSTEMS}, because system ids come from the peer and must not grow memory without
 * limit. A capacity well above the history page size (50 by default) keeps back-fill exact.
 *
 * <p>Thread-safe: the websocket and the poller may share one instance.
 */
public final class SeenEventIds {

    /** The default number of ids kept per system: ten default history pages. */
    public static final int DEFAULT_CAPACITY_PER_SYSTEM = 500;

    /** Systems remembered at most; an account has a handful. */
    public static final int MAX_SYSTEMS = 64;

    private final int capacityPerSystem;
    private final Map<Long, Map<String, Boolean>> bySystem = lru(MAX_SYSTEMS);

    /** A set keeping {@value #DEFAULT_CAPACITY_PER_SYSTEM} ids per system. */
    public SeenEventIds() {
        this(DEFAULT_CAPACITY_PER_SYSTEM);
    }

    /**
     * A set keeping the given number of ids per system.
     *
     * @param capacityPerSystem at least 1
     */
    public SeenEventIds(int capacityPerSystem) {
        if (capacityPerSystem < 1) {
            throw new IllegalArgumentException("capacityPerSystem must be at least 1, was " + capacityPerSystem);
        }
        this.capacityPerSystem = capacityPerSystem;
    }

    /**
     * Records the event and tells whether this is its first sighting, that is whether to emit it.
     * A repeated sighting refreshes the id, so an id that keeps coming back is not forgotten.
     */
    public synchronized boolean firstSighting(SimplisafeEvent event) {
        Map<String, Boolean> seen = bySystem.computeIfAbsent(event.systemId(), sid -> lru(capacityPerSystem));
        return seen.put(event.id(), Boolean.TRUE) == null;
    }

    /** Whether the id of an event of the system is remembered; does not record or refresh it. */
    public synchronized boolean contains(long systemId, String id) {
        Map<String, Boolean> seen = bySystem.get(systemId);
        return seen != null && seen.containsKey(id);
    }

    /**
     * Remembers ids emitted before a restart (oldest first), as if each had been seen; the newest
     * {@code capacityPerSystem} are kept.
     */
    public synchronized void restore(long systemId, List<String> ids) {
        Map<String, Boolean> seen = bySystem.computeIfAbsent(systemId, sid -> lru(capacityPerSystem));
        ids.forEach(id -> seen.put(id, Boolean.TRUE));
    }

    /** The ids of the system remembered now, least recently seen first, to save them. */
    public synchronized List<String> ids(long systemId) {
        Map<String, Boolean> seen = bySystem.get(systemId);
        return seen == null ? List.of() : List.copyOf(seen.keySet());
    }

    /** How many ids of the system are remembered. */
    public synchronized int size(long systemId) {
        Map<String, Boolean> seen = bySystem.get(systemId);
        return seen == null ? 0 : seen.size();
    }

    private static <K, V> Map<K, V> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
