package io.github.camelsmarthome.miio.protocol;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a gateway's planned scenes installed: {@link #installNow()} uploads them all; a failure is
 * logged once per attempt with the reason and tried again after a delay that doubles from the
 * first retry delay up to the maximum, until it works or {@link #close()} is called. A new
 * {@link #installNow()} (the gateway came back) replaces an attempt under way or waiting.
 *
 * <p>{@link #problem()} says why the scenes are not (known to be) installed, for a health check.
 * Thread-safe.
 */
public final class SceneInstallation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SceneInstallation.class);

    private final GatewayScenes scenes;
    private final Supplier<List<SceneUpload>> uploads;
    private final int sceneCount;
    private final String gateway;
    private final ScheduledExecutorService scheduler;
    private final long firstRetryMillis;
    private final long maxRetryMillis;

    // guarded by this
    private long generation;
    private int failedAttempts;
    private String problem = "not started";
    private ScheduledFuture<?> retry;
    private boolean closed;

    /**
     * @param scenes talks to the gateway
     * @param uploads makes the uploads of every planned scene, afresh for each attempt (scene time, data tokens)
     * @param sceneCount how many scenes the uploads hold, for messages
     * @param gateway the gateway's host, for messages
     * @param scheduler runs the retries
     * @param firstRetryDelay the wait after the first failure
     * @param maxRetryDelay the longest wait between attempts
     */
    public SceneInstallation(GatewayScenes scenes, Supplier<List<SceneUpload>> uploads, int sceneCount, String gateway,
            ScheduledExecutorService scheduler, Duration firstRetryDelay, Duration maxRetryDelay) {
        this.scenes = Objects.requireNonNull(scenes, "scenes");
        this.uploads = Objects.requireNonNull(uploads, "uploads");
        this.sceneCount = sceneCount;
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.firstRetryMillis = Math.max(1, firstRetryDelay.toMillis());
        this.maxRetryMillis = Math.max(firstRetryMillis, maxRetryDelay.toMillis());
    }

    /** Installs every scene now, replacing an attempt under way or waiting. */
    public void installNow() {
        long attempt;
        synchronized (this) {
            if (closed) {
                return;
            }
            attempt = ++generation;
            cancelRetry();
            if (sceneCount == 0) {
                problem = null;
                return;
            }
            problem = "installing " + sceneCount + " scene(s) on gateway " + gateway;
        }
        CompletableFuture<Void> installing;
        try {
            installing = scenes.install(uploads.get());
        } catch (RuntimeException e) {
            installing = CompletableFuture.failedFuture(e);
        }
        installing.whenComplete((ok, failure) -> finished(attempt, failure));
    }

    private synchronized void finished(long attempt, Throwable failure) {
        if (attempt != generation || closed) {
            return;
        }
        if (failure == null) {
            failedAttempts = 0;
            problem = null;
            LOG.info("miio-push: gateway {}: {} scene(s) installed", gateway, sceneCount);
            return;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        long delay = Math.min(maxRetryMillis, firstRetryMillis << Math.min(failedAttempts, 20));
        failedAttempts++;
        problem = "installing the scenes failed: " + cause.getMessage() + "; retrying in " + delay + " ms";
        LOG.warn("miio-push: {}", problem);
        retry = scheduler.schedule(this::installNow, delay, TimeUnit.MILLISECONDS);
    }

    /** Why the scenes are not installed (installing, failed and when it retries), or {@code null} when they are. */
    public synchronized String problem() {
        return closed ? "stopped" : problem;
    }

    /** Stops retrying; an attempt under way still ends but changes nothing here. */
    @Override
    public synchronized void close() {
        closed = true;
        generation++;
        cancelRetry();
    }

    private void cancelRetry() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
    }
}
