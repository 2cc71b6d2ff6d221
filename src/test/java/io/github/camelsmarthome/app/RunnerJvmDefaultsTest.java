package io.github.camelsmarthome.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;

class RunnerJvmDefaultsTest {

    @Test
    void nettyPoolChunksAreSizedDownWhenNobodySetThem() {
        Properties system = new Properties();

        RunnerJvmDefaults.applyTo(system);

        assertThat(system.getProperty("io.netty.allocator.maxOrder")).isEqualTo("7");
    }

    @Test
    void aValueTheUserGaveWithMinusDStays() {
        Properties system = new Properties();
        system.setProperty("io.netty.allocator.maxOrder", "9");

        RunnerJvmDefaults.applyTo(system);

        assertThat(system.getProperty("io.netty.allocator.maxOrder")).isEqualTo("9");
    }
}
