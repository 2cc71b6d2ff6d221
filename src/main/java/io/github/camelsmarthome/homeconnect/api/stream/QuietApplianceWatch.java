package io.github.camelsmarthome.homeconnect.api.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds appliances that went quiet while running (brief 8.7 rule 9): streams exist whose
 * KEEP-ALIVEs keep coming while appliance events stop, which no keep-alive watchdog catches. A
 * running appliance normally reports progress about once a minute, so one that said nothing for
 * {@code limit} is worth one status read. Checked on each KEEP-ALIVE, so it costs no timer.
 *
 * <p>Not thread-safe: used on the stream's event loop only.
 */
final class QuietApplianceWatch {

    private final Duration limit;
    private final Map<String, Instant> lastHeard = new HashMap<>();
    private Instant connectedAt = Instant.MIN;

    QuietApplianceWatch(Duration limit) {
        this.limit = limit;
    }

    /** A new connection: nothing was missed on it yet. */
    void connected(Instant now) {
        connectedAt = now;
        lastHeard.clear();
    }

    /** An event about {@code haId} arrived on the stream. */
    void heardFrom(String haId, Instant at) {
        lastHeard.put(haId, at);
    }

    /**
     * The running appliances among {@code candidates} that said nothing for the limit; each is
     * reported once per limit, however many keep-alives arrive meanwhile.
     */
    List<String> quiet(Collection<String> candidates, Predicate<String> running, Instant now) {
        List<String> quiet = new ArrayList<>(1);
        for (String haId : candidates) {
            Instant heard = lastHeard.getOrDefault(haId, connectedAt);
            Instant since = heard.isAfter(connectedAt) ? heard : connectedAt;
            if (!Duration.between(since, now).minus(limit).isNegative() && running.test(haId)) {
                quiet.add(haId);
                lastHeard.put(haId, now);
            }
        }
        return quiet;
    }
}
