package io.github.camelsmarthome.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.github.camelsmarthome.testing.RunnerProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The thin jar is for embedding: it must not impose configuration or logging on its host. */
class ThinJarIT {

    @Test
    void carriesNoApplicationPropertiesAndNoLoggingConfiguration() throws Exception {
        Path thin;
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            thin = jars.filter(p -> p.getFileName().toString().matches("camel-smarthome-\\d.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
                    .findFirst().orElseThrow();
        }
        try (ZipFile zip = new ZipFile(thin.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertThat(names).contains("io/github/camelsmarthome/event/DeviceEvent.class");
            assertThat(names).noneMatch(name -> name.matches("(.*/)?(application\\.properties|log4j2?[^/]*\\.(properties|xml)|logback[^/]*\\.xml)"));
        }
        try (ZipFile runner = new ZipFile(RunnerProcess.jar().toFile())) {
            assertThat(runner.getEntry("application.properties")).isNotNull();
            assertThat(runner.getEntry("log4j2.properties")).isNotNull();
        }
    }
}
