package io.github.camelsmarthome.app;

import java.util.Map;
import java.util.Properties;

/**
 * System properties the runner jar sets for itself before any library reads them, unless the user
 * gave them with {@code -D}: the part of the footprint tuning ({@code docs/benchmarks.md}) that
 * {@code java -jar} users get without any JVM option. The thin jar leaves them to embedders.
 */
final class RunnerJvmDefaults {

    /**
     * Netty's pooled allocator takes memory in chunks of 8 KiB pages times 2^maxOrder: 4 MiB at the
     * default 9, one chunk per event-loop arena, about 20 MB of direct memory for the few KB the
     * bridge moves at a time. 7 makes the chunks 1 MiB; larger buffers are still allocated, unpooled.
     */
    static final Map<String, String> DEFAULTS = Map.of("io.netty.allocator.maxOrder", "7");

    private RunnerJvmDefaults() {
    }

    /** Sets every default that {@code system} does not already hold. */
    static void applyTo(Properties system) {
        DEFAULTS.forEach(system::putIfAbsent);
    }
}
