package io.github.camelsmarthome.miio.protocol;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each registered gateway was last heard from, and which ones went silent (brief sections
 * 6.6 and 12: the last hello time is the liveness signal). Silence transitions are decided on the
 * server's I/O thread only; {@link #lastHeard} may be read from any thread.
 */
final class GatewayLiveness {

    /** A gateway that has just been found silent, and for how long. */
    record Silence(InetAddress gateway, Duration silentFor) {
    }

    private static final class State {
        final Instant trackedSince;
        volatile Instant lastHeard;
        volatile boolean silent;

        State(Instant trackedSince) {
            this.trackedSince = trackedSince;
        }

        Instant silenceStart() {
            Instant heard = lastHeard;
            return heard == null ? trackedSince : heard;
        }
    }

    private final Map<InetAddress, State> gateways = new ConcurrentHashMap<>();

    /** Starts watching a gateway; watching it again keeps what is known about it. */
    void track(InetAddress gateway, Instant now) {
        gateways.putIfAbsent(gateway, new State(now));
    }

    /**
     * Files what is known about a gateway under its new address, a reported silence included: the
     * datagram that revealed the move is then heard like any other and reports the return once.
     */
    void move(InetAddress from, InetAddress to, Instant now) {
        State state = gateways.remove(from);
        gateways.put(to, state == null ? new State(now) : state);
    }

    void untrack(InetAddress gateway) {
        gateways.remove(gateway);
    }

    /**
     * Notes that the gateway was heard from.
     *
     * @return true when it had been reported silent, so that its return is reported once
     */
    boolean heard(InetAddress gateway, Instant now) {
        State state = gateways.get(gateway);
        if (state == null) {
            return false;
        }
        state.lastHeard = now;
        if (state.silent) {
            state.silent = false;
            return true;
        }
        return false;
    }

    Optional<Instant> lastHeard(InetAddress gateway) {
        State state = gateways.get(gateway);
        return state == null ? Optional.empty() : Optional.ofNullable(state.lastHeard);
    }

    /** The gateways silent for longer than {@code timeout} that were not reported yet; marks them reported. */
    List<Silence> newlySilent(Instant now, Duration timeout) {
        List<Silence> found = new ArrayList<>();
        gateways.forEach((gateway, state) -> {
            Duration silentFor = Duration.between(state.silenceStart(), now);
            if (!state.silent && silentFor.compareTo(timeout) > 0) {
                state.silent = true;
                found.add(new Silence(gateway, silentFor));
            }
        });
        return found;
    }
}
