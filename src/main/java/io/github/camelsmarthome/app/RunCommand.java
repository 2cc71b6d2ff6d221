package io.github.camelsmarthome.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelsmarthome.InvalidConfigurationException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code run}: Camel Main with the bundle's configuration, routes from ROUTES_DIR, properties from
 * the runner's built-in {@code application.properties} overridden by CONFIG_FILE (default
 * {@code config/application.properties}, optional).
 */
final class RunCommand {

    static final String DEFAULT_CONFIG_FILE = "config/application.properties";
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    private final Map<String, String> env;
    private final PrintStream err;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private final List<RoutesBuilder> extraRoutes = new ArrayList<>();

    RunCommand(Map<String, String> env, PrintStream err) {
        this.env = env;
        this.err = err;
    }

    /** A property that wins over every file and variable (the demo points MQTT at its own broker). */
    RunCommand override(String key, String value) {
        overrides.put(key, value);
        return this;
    }

    /** Routes added to those of ROUTES_DIR (the demo's console routes). */
    RunCommand addRoutes(RoutesBuilder routes) {
        extraRoutes.add(routes);
        return this;
    }

    int run() {
        try {
            String configFile = configFile();
            new EnvironmentPreflight(env).check();
            Main main = SmarthomeConfiguration.newMain(configFile, overrides);
            extraRoutes.forEach(main.configure()::addRoutesBuilder);
            main.run();
            return 0;
        } catch (Exception e) {
            return report(e);
        }
    }

    private String configFile() {
        String configured = env.get("CONFIG_FILE");
        if (configured == null || configured.isBlank()) {
            return DEFAULT_CONFIG_FILE;
        }
        Path path = Path.of(configured.trim()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new InvalidConfigurationException("CONFIG_FILE", "the file " + path
                    + " does not exist: point CONFIG_FILE at an application.properties, or unset it to use "
                    + DEFAULT_CONFIG_FILE);
        }
        return path.toString();
    }

    private int report(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidConfigurationException invalid) {
                err.println("camel-smarthome: " + invalid.getMessage());
                return SmarthomeCli.EXIT_CONFIGURATION;
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        LOG.debug("Start-up failed", failure);
        err.println("camel-smarthome: failed: " + root.getClass().getSimpleName() + ": " + root.getMessage()
                    + " (LOG_LEVEL=DEBUG shows the details)");
        return SmarthomeCli.EXIT_FAILURE;
    }
}
