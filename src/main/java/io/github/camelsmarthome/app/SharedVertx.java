package io.github.camelsmarthome.app;

import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.support.LifecycleStrategySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's one Vert.x instance, bound in the registry so that the {@code homeconnect} and
 * {@code simplisafe} components (their {@code vertx} option is autowired) and the management
 * server of {@code camel-platform-http-main} (it looks for a single Vert.x in the registry) all
 * share it, and closed once the Camel context has stopped.
 *
 * <p>Without it each of the three created its own: three blocked-thread checkers, three sets of
 * event loops (each sized twice the cores) and worker pools, for a handful of connections (the
 * footprint benchmark, docs/benchmarks.md).
 */
final class SharedVertx extends LifecycleStrategySupport {

    /** The registry name of the shared instance. */
    static final String BEAN_NAME = "smarthomeVertx";
    /**
     * Blocking work on Vert.x workers is short file I/O (state and token stores); a few threads
     * serve it, created only when needed.
     */
    static final int WORKER_POOL_SIZE = 4;
    private static final long CLOSE_TIMEOUT_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(SharedVertx.class);

    private final Vertx vertx;

    private SharedVertx(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * Creates the shared instance, binds it in {@code context}'s registry and closes it after the
     * context has stopped; returns it.
     */
    static Vertx bindTo(CamelContext context) {
        Vertx vertx = Vertx.vertx(options(Runtime.getRuntime().availableProcessors()));
        context.getRegistry().bind(BEAN_NAME, Vertx.class, vertx);
        context.addLifecycleStrategy(new SharedVertx(vertx));
        return vertx;
    }

    /**
     * One event loop per core (Vert.x's default is two) is plenty for a few HTTP clients, one
     * event stream per account, a websocket and the management server.
     */
    static VertxOptions options(int cores) {
        int loops = Math.max(1, cores);
        return new VertxOptions().setEventLoopPoolSize(loops).setWorkerPoolSize(WORKER_POOL_SIZE)
                .setInternalBlockingPoolSize(WORKER_POOL_SIZE);
    }

    @Override
    public void onContextStopped(CamelContext context) {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("The shared Vert.x did not close within {} s: {}", CLOSE_TIMEOUT_SECONDS, e.toString());
        }
    }
}
