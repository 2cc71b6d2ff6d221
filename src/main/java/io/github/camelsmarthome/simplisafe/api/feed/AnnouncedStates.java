package io.github.camelsmarthome.simplisafe.api.feed;

import io.github.camelsmarthome.simplisafe.api.change.PollEventTypes;
import io.github.camelsmarthome.simplisafe.api.event.EventCode;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEventCodes;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEventOrigin;
import io.github.camelsmarthome.simplisafe.api.model.AlarmPhase;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps one state change from being announced twice by two paths. SimpliSafe reports an arming as
 * an event with an {@code eventId} (websocket, history) and the bridge sees the same change again
 * when it compares two polls; the two have different ids, so {@code eventId} de-duplication does
 * not catch them. The rule: upstream events are always announced (they carry who and how); a poll
 * event about the alarm phase or a lock's state is announced only when the last announced state
 * of that system or lock differs. A change a poll sees first is announced by the poll; the history
 * event that follows still arrives, with its details.
 *
 * <p>One instance per system. Thread-safe.
 */
final class AnnouncedStates {

    private static final String ALARM = "alarm";
    private static final String LOCK = "lock";

    private static final Set<String> POLL_ALARM_TYPES = Set.of(PollEventTypes.DISARMED, PollEventTypes.ARMED_HOME,
            PollEventTypes.ARMED_AWAY, PollEventTypes.HOME_EXIT_DELAY, PollEventTypes.AWAY_EXIT_DELAY, PollEventTypes.EXIT_DELAY,
            PollEventTypes.ENTRY_DELAY, PollEventTypes.ALARM_TRIGGERED, PollEventTypes.TEST_MODE, PollEventTypes.SYSTEM_ERROR,
            PollEventTypes.ALARM_STATE_CHANGED);
    private static final Set<String> LOCK_TYPES = Set.of(PollEventTypes.LOCK_LOCKED, PollEventTypes.LOCK_UNLOCKED,
            PollEventTypes.LOCK_ERROR);

    /** A state and, for upstream events, their time; polls and baselines have none (their clocks differ from the cloud's). */
    private record Announcement(String state, Instant upstreamTime) {
    }

    private final Map<String, Announcement> announced = new HashMap<>();

    /** The phase a baseline poll found, so that the first poll after it compares against it. */
    synchronized void baseline(long systemId, AlarmPhase phase) {
        if (phase != null) {
            announced.put(key(ALARM, Long.toString(systemId)), new Announcement(phase.name(), null));
        }
    }

    /**
     * Whether to announce {@code event}, and if so records what it announces.
     *
     * @param event the event
     * @param pollPhase for a poll event, the alarm phase of the poll that produced it; else ignored
     */
    synchronized boolean admit(SimplisafeEvent event, AlarmPhase pollPhase) {
        if (SimplisafeEventOrigin.POLL.equals(event.origin())) {
            Optional<String[]> claim = pollClaim(event, pollPhase);
            if (claim.isEmpty()) {
                return true;
            }
            String key = key(claim.get()[0], event.deviceId());
            Announcement last = announced.get(key);
            if (last != null && last.state.equals(claim.get()[1])) {
                return false;
            }
            announced.put(key, new Announcement(claim.get()[1], null));
            return true;
        }
        if (event.origin().isUpstream()) {
            upstreamClaim(event).ifPresent(claim -> {
                String key = key(claim[0], event.deviceId());
                Announcement last = announced.get(key);
                // A back-filled old event must not overwrite what a newer upstream event announced.
                if (last == null || last.upstreamTime == null || !event.time().isBefore(last.upstreamTime)) {
                    announced.put(key, new Announcement(claim[1], event.time()));
                }
            });
        }
        return true;
    }

    private static Optional<String[]> pollClaim(SimplisafeEvent event, AlarmPhase pollPhase) {
        if (POLL_ALARM_TYPES.contains(event.type()) && pollPhase != null) {
            return Optional.of(new String[] {ALARM, pollPhase.name()});
        }
        if (LOCK_TYPES.contains(event.type())) {
            return Optional.of(new String[] {LOCK, event.type()});
        }
        return Optional.empty();
    }

    private static Optional<String[]> upstreamClaim(SimplisafeEvent event) {
        Optional<EventCode> code = SimplisafeEventCodes.lookup(event.eventCid());
        if (code.isEmpty()) {
            return Optional.empty();
        }
        if (code.get().impliedPhase() != null) {
            return Optional.of(new String[] {ALARM, code.get().impliedPhase().name()});
        }
        if (LOCK_TYPES.contains(code.get().eventType())) {
            return Optional.of(new String[] {LOCK, code.get().eventType()});
        }
        return Optional.empty();
    }

    private static String key(String family, String deviceId) {
        return family + '/' + deviceId;
    }
}
