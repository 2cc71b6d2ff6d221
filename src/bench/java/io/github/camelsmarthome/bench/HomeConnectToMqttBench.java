package io.github.camelsmarthome.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelsmarthome.simulator.homeconnect.HomeConnectSimulator;
import io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold;
import io.github.camelsmarthome.simulator.homeconnect.SimulatorOptions;

/**
 * Benchmark 2, MQTT half: the latency the runner's real {@code homeconnect-to-mqtt} route (Home
 * Assistant discovery, QoS 1) adds between receiving an event and the broker acknowledging every
 * message it publishes for it.
 */
final class HomeConnectToMqttBench {

    private final BenchReport report;
    private final String mqttUrl;

    HomeConnectToMqttBench(BenchReport report, String mqttUrl) {
        this.report = report;
        this.mqttUrl = mqttUrl;
    }

    @SuppressWarnings("try") // the runner only has to run while the benchmark does
    void run(List<int[]> latencyRuns, int warmUpEvents) throws Exception {
        Path stateDir = Files.createTempDirectory("bench-hc-mqtt-");
        RouteLatencyProbe probe = new RouteLatencyProbe("homeconnect-to-mqtt");
        try (HomeConnectSimulator cloud = HomeConnectSimulator.start(SimulatorOptions.forTests().build());
                BridgeRunner runner = BridgeRunner.start(cloud, stateDir,
                        List.of("bridge.yaml", "homeconnect-to-mqtt.xml", "homeassistant.yaml"),
                        Map.of("smarthome.mqtt.url", mqttUrl), probe)) {
            Waits.until(Duration.ofSeconds(60), () -> cloud.events().openStreamCount() == 1);
            report.progress("latency: mqtt route streaming; warming up with %,d events", warmUpEvents);
            long before = probe.completed();
            cloud.events().flood(SimulatedHousehold.WASHER, warmUpEvents, 0).get(10, TimeUnit.MINUTES);
            probe.awaitCompleted(before + warmUpEvents);
            // The count above also counts the synthetic events of the stream's first resync, so it is
            // reached while the last flooded events still wait: let the backlog drain (issue #8).
            probe.settle();
            for (int[] run : latencyRuns) {
                HomeConnectToKafkaBench.measureLatency(report, cloud, probe, "mqtt", run[0], run[1]);
                probe.settle();
            }
            // The same broker through a bare Paho client, with the route's runner still up but idle: what the
            // transport alone costs for the two QoS 1 messages of an event, the floor under the rows above.
            for (int[] run : latencyRuns) {
                report.progress("latency: raw Paho client, %,d events at %,d/s (2 messages each)", run[0] * run[1], run[0]);
                RawMqttBaseline raw = new RawMqttBaseline(mqttUrl);
                Latencies series = raw.run(run[0], run[1], Math.min(2_000, run[0] * run[1]));
                report.addLatencies("latency", series, "", String.format(Locale.ROOT,
                        "state (retained) and event message, QoS 1, sync; %d publishes refused by Paho's in-flight race and sent again",
                        raw.refusedAgain()));
            }
            if (probe.leftovers() > 0) {
                report.progress("latency: mqtt, %d exchanges of events received before their run were not recorded", probe.leftovers());
            }
        }
    }
}
