package io.github.camelsmarthome.app;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings the runner jar gives itself before any library reads them, unless the user gave them:
 * the part of the footprint tuning ({@code docs/benchmarks.md}) that {@code java -jar} users get
 * without any JVM option. The thin jar leaves them to embedders.
 */
final class RunnerJvmDefaults {

    /**
     * Netty's pooled allocator takes memory in chunks of 8 KiB pages times 2^maxOrder: 4 MiB at the
     * default 9, one chunk per event-loop arena, about 20 MB of direct memory for the few KB the
     * bridge moves at a time. 7 makes the chunks 1 MiB; larger buffers are still allocated, unpooled.
     * One arena of each kind instead of two per core: the few event loops share it, and each arena
     * keeps chunks and thread caches of its own (about 3 MB resident less, the footprint benchmark).
     */
    static final Map<String, String> DEFAULTS = Map.of("io.netty.allocator.maxOrder", "7",
            "io.netty.allocator.numDirectArenas", "1", "io.netty.allocator.numHeapArenas", "1");

    /**
     * HotSpot flags that can be changed while the JVM runs ("manageable"), in the order they are
     * set (the minimum free ratio must not exceed the maximum at any step). A bridge is idle most of
     * the time, yet the collectors keep the heap they grew at start: G1 (the JVM's default) runs a
     * concurrent cycle after 10 s without any collection and then gives memory back, and both G1 and
     * the serial collector shrink the heap down to 30 % free after a collection instead of 70 %.
     */
    static final Map<String, String> VM_FLAGS = vmFlags();

    private RunnerJvmDefaults() {
    }

    private static Map<String, String> vmFlags() {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("MinHeapFreeRatio", "10");
        flags.put("MaxHeapFreeRatio", "30");
        flags.put("G1PeriodicGCInterval", "10000");
        return flags;
    }

    /** Sets every default that {@code system} does not already hold. */
    static void applyTo(Properties system) {
        DEFAULTS.forEach(system::putIfAbsent);
    }

    /** Sets each of {@link #VM_FLAGS} that still has its default value, in this JVM. */
    static void applyToThisVm() {
        applyTo(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class));
    }

    /**
     * Sets each of {@link #VM_FLAGS} that {@code vm} reports at its default origin, so a flag given
     * on the command line (or in JDK_JAVA_OPTIONS) wins; a JVM without one of them keeps running.
     */
    static void applyTo(HotSpotDiagnosticMXBean vm) {
        if (vm == null) {
            return;
        }
        VM_FLAGS.forEach((name, value) -> {
            try {
                VMOption current = vm.getVMOption(name);
                if (current.getOrigin() == VMOption.Origin.DEFAULT) {
                    vm.setVMOption(name, value);
                }
            } catch (IllegalArgumentException | UnsupportedOperationException | SecurityException e) {
                // Looked up here, not in a static field: main() calls this before logging is needed.
                Logger log = LoggerFactory.getLogger(RunnerJvmDefaults.class);
                log.debug("JVM option {} left as it is: {}", name, e.getMessage());
            }
        });
    }
}
