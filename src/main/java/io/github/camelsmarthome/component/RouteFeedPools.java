package io.github.camelsmarthome.component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * The threads that start the exchanges of every {@link RouteEventFeed} of a Camel context: one
 * small pool per route, shared by all the feeds of that route (with {@code accountsDir}, one feed
 * per account), each feed keeping its order through its own {@link SerialExecutor}.
 *
 * <p>Per route, not one pool for the context, because a route may wait on its broker (a Kafka
 * producer blocks while the broker is down): that stalls the feeds of that route only, and routes
 * to other sinks keep flowing, as they did when every feed had a thread of its own. The pools are
 * made by the context's {@link org.apache.camel.spi.ExecutorServiceManager}, their idle threads
 * end after a minute, and they are shut down with the context.
 */
public final class RouteFeedPools extends ServiceSupport {

    /** Threads per route: a route whose exchange waits still has another to start the next feed's. */
    static final int THREADS_PER_ROUTE = Math.max(2, Runtime.getRuntime().availableProcessors());

    private static final String THREAD_NAME = "smarthome-route-feed";
    private static final long IDLE_SECONDS = 60;

    private final CamelContext camel;
    private final Map<String, ExecutorService> pools = new ConcurrentHashMap<>();

    private RouteFeedPools(CamelContext camel) {
        this.camel = camel;
    }

    /** The pools of {@code camel}, added to it as a service (stopped with it) on first use. */
    public static RouteFeedPools of(CamelContext camel) {
        RouteFeedPools existing = camel.hasService(RouteFeedPools.class);
        if (existing != null) {
            return existing;
        }
        synchronized (camel) {
            existing = camel.hasService(RouteFeedPools.class);
            if (existing != null) {
                return existing;
            }
            RouteFeedPools pools = new RouteFeedPools(camel);
            try {
                camel.addService(pools, true, true);
            } catch (Exception e) {
                throw RuntimeCamelException.wrapRuntimeCamelException(e);
            }
            return pools;
        }
    }

    /**
     * A new feed's serial executor on the pool of {@code routeId} ({@code null}: a consumer outside
     * any route, as in unit tests).
     *
     * @throws RejectedExecutionException when the context is stopping
     */
    public SerialExecutor newFeed(String routeId, String feedName) {
        if (isStoppingOrStopped()) {
            throw new RejectedExecutionException("the Camel context is stopping");
        }
        String key = routeId == null ? "" : routeId;
        ExecutorService pool = pools.computeIfAbsent(key, this::newPool);
        return new SerialExecutor(pool, feedName);
    }

    /** Routes with a pool so far. */
    int poolCount() {
        return pools.size();
    }

    private ExecutorService newPool(String routeId) {
        ThreadPoolProfile profile = new ThreadPoolProfile(THREAD_NAME);
        profile.setPoolSize(THREADS_PER_ROUTE);
        profile.setMaxPoolSize(THREADS_PER_ROUTE);
        profile.setKeepAliveTime(IDLE_SECONDS);
        profile.setTimeUnit(TimeUnit.SECONDS);
        profile.setAllowCoreThreadTimeOut(true);
        // Unbounded: each feed queues at most its maxInFlight starts, its hand-off bounds the rest.
        profile.setMaxQueueSize(Integer.MAX_VALUE);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        return camel.getExecutorServiceManager().newThreadPool(this, routeId.isEmpty() ? THREAD_NAME : THREAD_NAME + "-" + routeId,
                profile);
    }

    @Override
    protected void doStop() throws Exception {
        pools.values().forEach(camel.getExecutorServiceManager()::shutdown);
        pools.clear();
    }
}
