package io.github.camelsmarthome.miio.protocol;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several listeners of one gateway behind the single registration a {@link MiioPushServer} keeps
 * per gateway address: every event and liveness change goes to each of them, in the order they were
 * added. Each listener also names the scene ids it needs, so that one that leaves deletes only the
 * scenes no other listener still uses (two routes subscribing the same device share its scenes,
 * because scene ids are deterministic).
 *
 * <p>A listener that throws does not keep the others from hearing the event. Thread-safe.
 */
public final class GatewayListeners implements MiioPushListener {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayListeners.class);

    private volatile InetAddress gateway;
    private final MiioToken token;
    private final Map<MiioPushListener, Set<String>> listeners = new LinkedHashMap<>();

    /**
     * @param gateway the gateway's address
     * @param token the gateway's token: every listener must use the same
     */
    public GatewayListeners(InetAddress gateway, MiioToken token) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.token = Objects.requireNonNull(token, "token");
    }

    /** The token the gateway was registered with. */
    public MiioToken token() {
        return token;
    }

    /** Whether {@code listener} is one of them. */
    public synchronized boolean contains(MiioPushListener listener) {
        return listeners.containsKey(listener);
    }

    /** Adds a listener that needs these scenes on the gateway. */
    public synchronized void add(MiioPushListener listener, Set<String> sceneIds) {
        listeners.put(Objects.requireNonNull(listener, "listener"), Set.copyOf(sceneIds));
    }

    /**
     * Removes a listener.
     *
     * @return the scene ids the remaining listeners still need
     */
    public synchronized Set<String> remove(MiioPushListener listener) {
        listeners.remove(listener);
        Set<String> needed = new HashSet<>();
        listeners.values().forEach(needed::addAll);
        return needed;
    }

    /** Whether no listener is left. */
    public synchronized boolean isEmpty() {
        return listeners.isEmpty();
    }

    private synchronized List<MiioPushListener> snapshot() {
        return new ArrayList<>(listeners.keySet());
    }

    @Override
    public void onEvent(PushedMessage event) {
        for (MiioPushListener listener : snapshot()) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("miIO push: a listener of gateway {} failed on event {}", gateway.getHostAddress(),
                        event.messageId(), e);
            }
        }
    }

    @Override
    public void onGatewaySilent(InetAddress address, Duration silentFor) {
        for (MiioPushListener listener : snapshot()) {
            try {
                listener.onGatewaySilent(address, silentFor);
            } catch (RuntimeException e) {
                LOG.warn("miIO push: a listener of gateway {} failed on its silence", gateway.getHostAddress(), e);
            }
        }
    }

    @Override
    public void onGatewayBack(InetAddress address) {
        for (MiioPushListener listener : snapshot()) {
            try {
                listener.onGatewayBack(address);
            } catch (RuntimeException e) {
                LOG.warn("miIO push: a listener of gateway {} failed on its return", gateway.getHostAddress(), e);
            }
        }
    }

    @Override
    public void onGatewayMoved(InetAddress from, InetAddress to) {
        gateway = to;
        for (MiioPushListener listener : snapshot()) {
            try {
                listener.onGatewayMoved(from, to);
            } catch (RuntimeException e) {
                LOG.warn("miIO push: a listener of gateway {} failed on its move from {}", to.getHostAddress(),
                        from.getHostAddress(), e);
            }
        }
    }
}
