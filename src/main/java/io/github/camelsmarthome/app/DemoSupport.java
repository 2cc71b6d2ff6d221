package io.github.camelsmarthome.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;

/** What the demo's simulated households share: a daemon timer for their life and a throw-away state folder. */
final class DemoSupport {

    private DemoSupport() {
    }

    /** A single daemon thread named {@code name}, so a forgotten timer never keeps the JVM alive. */
    static ScheduledExecutorService lifeTimer(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A fresh temporary state folder (token stores of the simulated accounts). */
    static Path stateDir() throws IOException {
        return Files.createTempDirectory("camel-smarthome-demo-");
    }

    /** Deletes {@code folder} and everything in it. */
    static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
