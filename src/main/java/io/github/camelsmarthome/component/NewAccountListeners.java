package io.github.camelsmarthome.component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who wants to hear of a component's accounts as they are created (metrics that bind an account's
 * meters at once, also for an account found in an accounts folder while its route runs). A failing
 * listener is logged and the others still hear of the account. Thread-safe.
 */
public final class NewAccountListeners {

    private static final Logger LOG = LoggerFactory.getLogger(NewAccountListeners.class);

    private final String system;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    /** @param system the system's name for log lines, e.g. {@code Home Connect} */
    public NewAccountListeners(String system) {
        this.system = system;
    }

    /** Adds {@code listener}, called with the name of every account created from now on. */
    public void add(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** Tells every listener that account {@code name} was created. */
    public void announce(String name) {
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(name);
            } catch (RuntimeException e) {
                LOG.warn("{} account {}: a listener of new accounts failed: {}", system, name, e.toString());
            }
        }
    }
}
