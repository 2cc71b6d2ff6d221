package io.github.camelsmarthome.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelsmarthome.simulator.homeconnect.EventStream;
import io.github.camelsmarthome.simulator.homeconnect.HomeConnectSimulator;
import io.github.camelsmarthome.simulator.homeconnect.SimulatedAppliance;
import io.github.camelsmarthome.simulator.homeconnect.SimulatorOptions;

/**
 * Benchmark 5: a simulated household day against the Home Connect simulator, counted in its
 * request log: the runner starts (five appliances), three program runs on the washer, ten stream
 * drops it must reconnect after (each followed by a door event), two restarts with the state it
 * saved. The first reconnect wait is 1 s instead of 10 s, so the day takes minutes. Appliance time runs 6,000
 * times faster, so a program takes about a second.
 */
final class RequestBudgetBench {

    private static final List<String> ROUTES = List.of("bridge.yaml", "homeconnect-to-kafka.yaml");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final BenchReport report;
    private final Map<String, String> brokers;

    RequestBudgetBench(BenchReport report, String bootstrapServers, String mqttUrl) {
        this.report = report;
        // A day compressed into minutes: the first reconnect wait is 1 s instead of 10 s.
        this.brokers = Map.of("smarthome.kafka.brokers", bootstrapServers, "smarthome.mqtt.url", mqttUrl,
                "camel.component.homeconnect.initialReconnectDelay", "1000");
    }

    void run() throws Exception {
        Path stateDir = Files.createTempDirectory("bench-budget-");
        try (HomeConnectSimulator cloud = HomeConnectSimulator.start(SimulatorOptions.forTests().build())) {
            String refreshToken = cloud.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE).refreshToken();
            cloud.requests().clear();
            report.progress("request budget: first start, %d appliances", cloud.household().appliances().size());
            BridgeRunner runner = startAndSettle(cloud, stateDir, refreshToken);
            try {
                int afterStart = restCount(cloud);
                cloud.clock().setTimeScale(6_000);
                for (int run = 1; run <= 3; run++) {
                    report.progress("request budget: program run %d of 3", run);
                    programRun(cloud.household().washer());
                }
                for (int drop = 1; drop <= 10; drop++) {
                    report.progress("request budget: stream drop %d of 10", drop);
                    Waits.until(TIMEOUT, () -> cloud.events().openStreamCount() == 1);
                    EventStream dropped = cloud.events().openStreams().get(0);
                    cloud.faults().dropStreams();
                    // The client may be back before a poll could see zero streams: wait for a new one.
                    Waits.until(TIMEOUT, () -> cloud.events().openStreams().stream().anyMatch(stream -> stream != dropped));
                    // An event on the new connection, as a household has between drops: the client's backoff starts over.
                    EventStream reopened = cloud.events().openStreams().get(0);
                    cloud.household().dryer().openDoor();
                    cloud.household().dryer().closeDoor();
                    Waits.until(TIMEOUT, () -> reopened.eventsSent() >= 2);
                }
                settle(cloud);
                int beforeRestarts = restCount(cloud);
                for (int restart = 1; restart <= 2; restart++) {
                    report.progress("request budget: restart %d of 2", restart);
                    runner.close();
                    runner = startAndSettle(cloud, stateDir, refreshToken);
                }
                int total = restCount(cloud);
                report.add("request budget", "REST requests, household day", total, "requests", "<= 100",
                        "5 appliances, 3 program runs, 10 reconnects, 2 restarts; " + cloud.requests().count() + " requests of all kinds");
                report.add("request budget", "REST requests, first start", afterStart, "requests", "", "");
                report.add("request budget", "REST requests per restart with saved state", (total - beforeRestarts) / 2.0, "requests", "0", "");
            } finally {
                runner.close();
            }
        }
    }

    private BridgeRunner startAndSettle(HomeConnectSimulator cloud, Path stateDir, String refreshToken) throws Exception {
        BridgeRunner runner = BridgeRunner.start(cloud, stateDir, refreshToken, ROUTES, brokers, null);
        Waits.until(TIMEOUT, () -> cloud.events().openStreamCount() == 1);
        settle(cloud);
        return runner;
    }

    private static void programRun(SimulatedAppliance washer) {
        washer.startProgram("LaundryCare.Washer.Program.Cotton");
        Waits.until(TIMEOUT, () -> washer.activeProgram().isPresent());
        Waits.until(TIMEOUT, () -> washer.activeProgram().isEmpty());
        // Opening the door takes a finished washer back to Ready, as its owner does.
        washer.openDoor();
        washer.closeDoor();
    }

    /** Waits until the request log has been still for two seconds. */
    private static void settle(HomeConnectSimulator cloud) {
        int[] last = {cloud.requests().count()};
        long[] stableSince = {System.nanoTime()};
        Waits.until(TIMEOUT, () -> {
            int now = cloud.requests().count();
            if (now != last[0]) {
                last[0] = now;
                stableSince[0] = System.nanoTime();
            }
            return System.nanoTime() - stableSince[0] > Duration.ofSeconds(2).toNanos();
        });
    }

    private static int restCount(HomeConnectSimulator cloud) {
        return cloud.requests().restRequests().size();
    }
}
