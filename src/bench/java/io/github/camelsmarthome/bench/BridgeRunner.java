package io.github.camelsmarthome.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelsmarthome.app.SmarthomeConfiguration;
import io.github.camelsmarthome.simulator.homeconnect.HomeConnectSimulator;
import io.github.camelsmarthome.simulator.homeconnect.SimulatorOptions;
import io.github.camelsmarthome.simulator.homeconnect.TokenSet;
import io.github.camelsmarthome.testing.RunnerMain;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The runner's Camel Main as {@link RunnerMain} starts it (same properties, real route files),
 * with a {@link RouteLatencyProbe} installed before the routes start, pointed at a Home Connect
 * simulator and the benchmark's brokers.
 */
final class BridgeRunner implements AutoCloseable {

    private final Main main;

    private BridgeRunner(Main main) {
        this.main = main;
    }

    /**
     * Starts the runner with {@code routeFiles} (names in {@code routes/}) against {@code cloud},
     * with a fresh refresh token and {@code stateDir} for the token and budget files.
     */
    static BridgeRunner start(HomeConnectSimulator cloud, Path stateDir, List<String> routeFiles, Map<String, String> brokers,
            RouteLatencyProbe probe) throws Exception {
        TokenSet tokens = cloud.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE);
        return start(cloud, stateDir, tokens.refreshToken(), routeFiles, brokers, probe);
    }

    /** Starts the runner with a given bootstrap refresh token, as a restart of the same installation does. */
    static BridgeRunner start(HomeConnectSimulator cloud, Path stateDir, String refreshToken, List<String> routeFiles,
            Map<String, String> brokers, RouteLatencyProbe probe) throws Exception {
        return start(properties(cloud.clientId(), cloud.clientSecret(), cloud.baseUrl(), refreshToken, stateDir, routeFiles, brokers),
                probe);
    }

    /**
     * The runner's properties for {@code routeFiles} (names in {@code routes/}) against the Home
     * Connect cloud at {@code apiUrl}, with {@code stateDir} for the token and budget files and
     * {@code brokers} (the {@code smarthome.kafka.brokers} and {@code smarthome.mqtt.url} settings).
     */
    static Map<String, String> properties(String clientId, String clientSecret, String apiUrl, String refreshToken, Path stateDir,
            List<String> routeFiles, Map<String, String> brokers) {
        Map<String, String> all = new HashMap<>();
        all.put("smarthome.routes-dir", RunnerMain.ROUTES.toString());
        all.put("camel.management.enabled", "false");
        all.put("camel.main.routesIncludePattern",
                routeFiles.stream().map(file -> "file:" + RunnerMain.ROUTES.resolve(file)).collect(Collectors.joining(",")));
        all.put("smarthome.homeconnect.client-id", clientId);
        all.put("camel.component.homeconnect.clientSecret", clientSecret);
        all.put("camel.component.homeconnect.refreshToken", refreshToken);
        all.put("camel.component.homeconnect.apiUrl", apiUrl);
        all.put("camel.component.homeconnect.stateDir", stateDir.toString());
        all.putAll(brokers);
        return all;
    }

    /** Starts the runner with {@code properties} ({@link #properties}), the probe installed before the routes start. */
    static BridgeRunner start(Map<String, String> properties, RouteLatencyProbe probe) throws Exception {
        Main main = SmarthomeConfiguration.newMain(null, properties);
        if (probe != null) {
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void beforeConfigure(BaseMainSupport support) {
                    support.getCamelContext().addRoutePolicyFactory(probe);
                }
            });
        }
        main.start();
        return new BridgeRunner(main);
    }

    Main main() {
        return main;
    }

    @Override
    public void close() {
        main.stop();
    }
}
