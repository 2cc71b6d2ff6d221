package io.github.camelsmarthome.bench;

/**
 * Where a latency run reads the route's latencies from: a {@link RouteLatencyProbe} in the
 * benchmark's JVM, or one in the bundle's own JVM ({@link BundleJvm}).
 */
interface LatencySource {

    /** Exchanges of the route that completed without an exception. */
    long completed() throws Exception;

    long failed() throws Exception;

    /** Exchanges completed while recording whose event was received before the series became current (not recorded). */
    long leftovers() throws Exception;

    /** Records into {@code series} from now on; {@code null} stops recording (and completes the series). */
    void recordInto(Latencies series) throws Exception;

    /** Waits until at least {@code count} exchanges have completed. */
    void awaitCompleted(long count) throws Exception;

    /** Waits until no exchange of the route has completed for a second: nothing is left in its backlog. */
    void settle() throws Exception;
}
