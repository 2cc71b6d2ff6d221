package io.github.camelsmarthome.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.github.camelsmarthome.app.SmarthomeConfiguration;
import org.apache.camel.main.Main;

/**
 * The runner's Camel Main as {@code run} builds it (built-in properties, the bundle's
 * configuration, real route files), started in the test's JVM with overrides for the test's
 * brokers and simulators. Management (METRICS_PORT) is off unless a test turns it on.
 */
public final class RunnerMain {

    /** The project's {@code routes/} folder. */
    public static final Path ROUTES = Path.of(System.getProperty("camel-smarthome.project.dir", ".")).resolve("routes");

    private RunnerMain() {
    }

    /** Starts the runner's Main with {@code overrides} and returns it (stop it when done). */
    public static Main start(Map<String, String> overrides) throws Exception {
        Map<String, String> all = new HashMap<>();
        all.put("smarthome.routes-dir", ROUTES.toString());
        all.put("camel.management.enabled", "false");
        all.putAll(overrides);
        Main main = SmarthomeConfiguration.newMain(null, all);
        main.start();
        return main;
    }
}
