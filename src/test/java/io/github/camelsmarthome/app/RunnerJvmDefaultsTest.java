package io.github.camelsmarthome.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.management.ObjectName;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import org.junit.jupiter.api.Test;

class RunnerJvmDefaultsTest {

    @Test
    void nettyPoolChunksAreSizedDownWhenNobodySetThem() {
        Properties system = new Properties();

        RunnerJvmDefaults.applyTo(system);

        assertThat(system.getProperty("io.netty.allocator.maxOrder")).isEqualTo("7");
    }

    @Test
    void nettyKeepsOneArenaOfEachKindWhenNobodySetThem() {
        Properties system = new Properties();

        RunnerJvmDefaults.applyTo(system);

        assertThat(system.getProperty("io.netty.allocator.numDirectArenas")).isEqualTo("1");
        assertThat(system.getProperty("io.netty.allocator.numHeapArenas")).isEqualTo("1");
    }

    @Test
    void aValueTheUserGaveWithMinusDStays() {
        Properties system = new Properties();
        system.setProperty("io.netty.allocator.maxOrder", "9");

        RunnerJvmDefaults.applyTo(system);

        assertThat(system.getProperty("io.netty.allocator.maxOrder")).isEqualTo("9");
    }

    @Test
    void heapFlagsStillAtTheirDefaultAreSetMinimumFreeRatioFirst() {
        FakeVm vm = new FakeVm(Map.of());

        RunnerJvmDefaults.applyTo(vm);

        assertThat(vm.sets).containsExactly("MinHeapFreeRatio=10", "MaxHeapFreeRatio=30", "G1PeriodicGCInterval=10000");
    }

    @Test
    void aFlagGivenOnTheCommandLineStays() {
        FakeVm vm = new FakeVm(Map.of("MaxHeapFreeRatio", VMOption.Origin.VM_CREATION));

        RunnerJvmDefaults.applyTo(vm);

        assertThat(vm.sets).containsExactly("MinHeapFreeRatio=10", "G1PeriodicGCInterval=10000");
    }

    @Test
    void aFlagThisJvmDoesNotKnowIsSkippedAndTheOthersAreStillSet() {
        FakeVm vm = new FakeVm(Map.of());
        vm.unknown = "G1PeriodicGCInterval";

        RunnerJvmDefaults.applyTo(vm);

        assertThat(vm.sets).containsExactly("MinHeapFreeRatio=10", "MaxHeapFreeRatio=30");
    }

    /** Records the flags set; every flag is at its default unless {@code origins} says otherwise. */
    private static final class FakeVm implements HotSpotDiagnosticMXBean {
        private final Map<String, VMOption.Origin> origins;
        private final List<String> sets = new ArrayList<>();
        private String unknown;

        FakeVm(Map<String, VMOption.Origin> origins) {
            this.origins = new HashMap<>(origins);
        }

        @Override
        public VMOption getVMOption(String name) {
            if (name.equals(unknown)) {
                throw new IllegalArgumentException("VM option \"" + name + "\" does not exist");
            }
            return new VMOption(name, "0", true, origins.getOrDefault(name, VMOption.Origin.DEFAULT));
        }

        @Override
        public void setVMOption(String name, String value) {
            sets.add(name + "=" + value);
        }

        @Override
        public void dumpHeap(String outputFile, boolean live) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<VMOption> getDiagnosticOptions() {
            return List.of();
        }

        @Override
        public ObjectName getObjectName() {
            return null;
        }
    }
}
