package io.github.camelsmarthome.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simulator.simplisafe.AlarmMode;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulator;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulatorOptions;
import org.apache.camel.builder.RouteBuilder;

/**
 * The demo's SimpliSafe house: the fake cloud, the {@code simplisafe:} component pointed at it
 * (polling every few seconds, and its websocket), a route that prints every event, and some life:
 * the front door opens and closes, the system is armed and disarmed at the keypad.
 */
final class DemoSimpliSafe implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final long LIFE_PERIOD_SECONDS = 12;
    /** The fixture system's front door (an entry sensor). */
    private static final String FRONT_DOOR = "14";

    private final SimpliSafeSimulator cloud;
    private final Path stateDir;
    private final String refreshToken;
    private final ScheduledExecutorService life = DemoSupport.lifeTimer("demo-simplisafe-house");
    private int step;

    private DemoSimpliSafe(SimpliSafeSimulator cloud, Path stateDir) {
        this.cloud = cloud;
        this.stateDir = stateDir;
        this.refreshToken = cloud.auth().issueTokens().refreshToken();
    }

    static DemoSimpliSafe start() throws IOException {
        SimpliSafeSimulator cloud = SimpliSafeSimulator.start(SimpliSafeSimulatorOptions.defaults());
        cloud.system().setExitDelay(AlarmMode.HOME, 0);
        return new DemoSimpliSafe(cloud, DemoSupport.stateDir());
    }

    /** The options that point {@code simplisafe:} at the fake cloud. */
    Map<String, String> properties() {
        return Map.of(
                "smarthome.simplisafe.enabled", "true",
                "camel.component.simplisafe.refreshToken", refreshToken,
                "camel.component.simplisafe.apiUrl", cloud.apiUrl(),
                "camel.component.simplisafe.authUrl", cloud.authUrl(),
                "camel.component.simplisafe.websocketUrl", cloud.webSocketUrl(),
                "camel.component.simplisafe.stateDir", stateDir.toString(),
                "camel.component.simplisafe.slowPollInterval", "5000",
                "camel.component.simplisafe.fastPollInterval", "3000");
    }

    /** A route that prints each SimpliSafe event on the console. */
    RouteBuilder consoleRoute(PrintStream out) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("simplisafe:events").routeId("demo-simplisafe-console")
                        .process(exchange -> out.println(line(exchange.getMessage().getBody(SimplisafeEvent.class))));
            }
        };
    }

    /** Starts the house's life. */
    void liven() {
        life.scheduleWithFixedDelay(this::nextStep, 8, LIFE_PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    private void nextStep() {
        try {
            switch (step++ % 4) {
                case 0 -> cloud.system().openSensor(FRONT_DOOR);
                case 1 -> cloud.system().closeSensor(FRONT_DOOR);
                case 2 -> cloud.system().armByKeypad(AlarmMode.HOME);
                default -> cloud.system().disarmByKeypad("Master PIN");
            }
        } catch (RuntimeException e) {
            // A refused step is part of life; the next one follows.
        }
    }

    private static String line(SimplisafeEvent event) {
        return LocalTime.now().format(TIME) + "  simplisafe   " + event.deviceId() + "  " + event.type() + "  (" + event.origin() + ")"
               + (event.info() == null ? "" : "  " + event.info());
    }

    /** What the house has, for the banner. */
    String describe() {
        return "one SimpliSafe 3 system (sensors, locks, keypad) at " + cloud.baseUrl();
    }

    @Override
    public void close() throws IOException {
        life.shutdownNow();
        cloud.close();
        DemoSupport.deleteTree(stateDir);
    }
}
