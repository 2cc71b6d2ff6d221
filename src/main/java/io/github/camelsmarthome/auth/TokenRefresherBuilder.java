package io.github.camelsmarthome.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Configures a {@link TokenRefresher}. Only the account, the store and the refresh call are
 * required; the rest has defaults suited to a server process.
 */
public final class TokenRefresherBuilder {

    final String account;
    final TokenStore store;
    final TokenRefreshCall refreshCall;
    Duration refreshAhead = TokenRefresher.DEFAULT_REFRESH_AHEAD;
    Duration retryInterval = TokenRefresher.DEFAULT_RETRY_INTERVAL;
    Clock clock = Clock.systemUTC();
    Executor executor;

    TokenRefresherBuilder(String account, TokenStore store, TokenRefreshCall refreshCall) {
        if (account == null || account.isBlank()) {
            throw new IllegalArgumentException("account must not be blank");
        }
        this.account = account;
        this.store = Objects.requireNonNull(store, "store");
        this.refreshCall = Objects.requireNonNull(refreshCall, "refreshCall");
    }

    /**
     * How long before expiry a token is renewed (default 60 s). The briefs recommend more for
     * long-lived tokens: 10 minutes for Home Connect (24 h tokens), 5 minutes for SimpliSafe (1 h).
     */
    public TokenRefresherBuilder refreshAhead(Duration margin) {
        this.refreshAhead = requireNotNegative(margin, "refreshAhead");
        return this;
    }

    /** The pause after a failed refresh before the next attempt (default 6 s). */
    public TokenRefresherBuilder retryInterval(Duration pause) {
        this.retryInterval = requireNotNegative(pause, "retryInterval");
        return this;
    }

    /** The clock expiry is judged by (default: the system clock). */
    public TokenRefresherBuilder clock(Clock source) {
        this.clock = Objects.requireNonNull(source, "clock");
        return this;
    }

    /**
     * Where store I/O and refresh calls run (default: a shared pool of daemon threads that exist
     * only while there is work). Must not be an event loop: the store flushes to disk.
     */
    public TokenRefresherBuilder executor(Executor worker) {
        this.executor = Objects.requireNonNull(worker, "executor");
        return this;
    }

    /** Builds the refresher and reads the store once, so {@link TokenRefresher#status()} is known at once. */
    public TokenRefresher build() {
        if (executor == null) {
            executor = SharedWorkers.POOL;
        }
        return new TokenRefresher(this);
    }

    private static Duration requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return value;
    }

    /** Created on first use only, so an embedder that supplies an executor never starts these threads. */
    private static final class SharedWorkers {

        private static final AtomicInteger COUNT = new AtomicInteger();
        static final ExecutorService POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), work -> {
                    Thread thread = new Thread(work, "camel-smarthome-token-" + COUNT.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });

        private SharedWorkers() {
        }
    }
}
