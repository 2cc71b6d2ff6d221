package io.github.camelsmarthome.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.simulator.homeconnect.HomeConnectSimulator;
import io.github.camelsmarthome.simulator.homeconnect.RateLimits;
import io.github.camelsmarthome.simulator.homeconnect.SimulatedAppliance;
import io.github.camelsmarthome.simulator.homeconnect.SimulatorOptions;
import io.github.camelsmarthome.simulator.homeconnect.TokenSet;
import org.apache.camel.builder.RouteBuilder;

/**
 * The demo's Home Connect household: the simulator (appliance time 60 times faster), the
 * {@code homeconnect:} component pointed at it, a route that prints every event, and a little
 * life in the household (doors, a washer program) so that something flows.
 */
final class DemoHomeConnect implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Duration LIFE_PERIOD = Duration.ofSeconds(15);

    private final HomeConnectSimulator cloud;
    private final Path stateDir;
    private final TokenSet tokens;
    private final ScheduledExecutorService life;
    private int step;

    private DemoHomeConnect(HomeConnectSimulator cloud, Path stateDir) {
        this.cloud = cloud;
        this.stateDir = stateDir;
        this.tokens = cloud.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE);
        this.life = DemoSupport.lifeTimer("demo-household");
    }

    static DemoHomeConnect start() throws IOException {
        HomeConnectSimulator cloud = HomeConnectSimulator.start(SimulatorOptions.builder()
                .timeScale(60).keepAliveInterval(Duration.ofSeconds(55)).rateLimits(RateLimits.unlimited()).build());
        return new DemoHomeConnect(cloud, DemoSupport.stateDir());
    }

    String baseUrl() {
        return cloud.baseUrl();
    }

    /** The component options that point {@code homeconnect:} at the simulator. */
    Map<String, String> properties() {
        return Map.of(
                "smarthome.homeconnect.client-id", cloud.clientId(),
                "camel.component.homeconnect.clientSecret", cloud.clientSecret(),
                "camel.component.homeconnect.refreshToken", tokens.refreshToken(),
                "camel.component.homeconnect.apiUrl", cloud.baseUrl(),
                "camel.component.homeconnect.stateDir", stateDir.toString(),
                "camel.component.homeconnect.initialReconnectDelay", "2000");
    }

    /** A route that prints each Home Connect event on the console. */
    RouteBuilder consoleRoute(PrintStream out) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("homeconnect:events").routeId("demo-homeconnect-console")
                        .process(exchange -> out.println(line(exchange.getMessage().getBody(HomeConnectEvent.class))));
            }
        };
    }

    /** Starts the household's life: every few seconds a door opens or closes, or a program starts. */
    void liven() {
        life.scheduleWithFixedDelay(this::nextStep, 5, LIFE_PERIOD.toSeconds(), TimeUnit.SECONDS);
    }

    private void nextStep() {
        SimulatedAppliance washer = cloud.household().washer();
        SimulatedAppliance oven = cloud.household().oven();
        try {
            switch (step++ % 4) {
                case 0 -> oven.openDoor();
                case 1 -> oven.closeDoor();
                case 2 -> {
                    if (washer.operationState() == null || !washer.operationState().endsWith(".Run")) {
                        washer.startProgram("LaundryCare.Washer.Program.Mix");
                    }
                }
                default -> washer.raiseEvent("LaundryCare.Washer.Event.IDos1FillLevelPoor");
            }
        } catch (RuntimeException e) {
            // A refused step (door open, program running) is part of life; the next one follows.
        }
    }

    private static String line(HomeConnectEvent event) {
        String items = event.items().stream().limit(3)
                .map(item -> shortKey(item.key()) + "=" + shortKey(item.value().isTextual() ? item.value().asText() : item.value().toString()))
                .collect(Collectors.joining(" "));
        int more = event.items().size() - 3;
        return LocalTime.now().format(TIME) + "  homeconnect  " + event.deviceId() + "  " + event.type() + "  " + items
               + (more > 0 ? " (+" + more + ")" : "");
    }

    private static String shortKey(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 || key.startsWith("{") ? key : key.substring(dot + 1);
    }

    @Override
    public void close() throws IOException {
        life.shutdownNow();
        cloud.close();
        DemoSupport.deleteTree(stateDir);
    }

    /** What the household has, for the banner. */
    String describe() {
        return "washer, dryer, dishwasher, oven, coffee maker at " + cloud.baseUrl() + " (time x60)";
    }
}
