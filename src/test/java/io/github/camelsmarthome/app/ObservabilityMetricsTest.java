package io.github.camelsmarthome.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelsmarthome.testing.RunnerMain;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The runner with the real routes against the three simulators and an embedded MQTT broker (what
 * {@code demo} runs): every metric docs/reliability.md lists is in the Prometheus text that
 * {@code /observe/metrics} serves, with its tags, and the flow counters move once events flow.
 */
class ObservabilityMetricsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final List<String> SYSTEMS = List.of("homeconnect", "simplisafe", "miio");

    @Test
    void everyDocumentedMetricIsServedWithItsTagsAndTheFlowCountersMove() throws Exception {
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(0);
                DemoHomeConnect homeConnect = DemoHomeConnect.start();
                DemoSimpliSafe simpliSafe = DemoSimpliSafe.start();
                DemoMiio miio = DemoMiio.start()) {
            Map<String, String> overrides = new HashMap<>();
            overrides.putAll(homeConnect.properties());
            overrides.putAll(simpliSafe.properties());
            overrides.putAll(miio.properties());
            overrides.put("smarthome.mqtt.url", broker.url());
            overrides.put("smarthome.mqtt.username", "");
            overrides.put("smarthome.mqtt.password", "");
            overrides.put("smarthome.kafka.brokers", "");
            Main main = RunnerMain.start(overrides);
            try {
                homeConnect.liven();
                simpliSafe.liven();
                miio.liven();
                MeterRegistry registry = main.getCamelContext().getRegistry().findSingleByType(MeterRegistry.class);

                for (String system : SYSTEMS) {
                    await().atMost(PATIENCE).until(() -> count(registry, "smarthome.events.in", system) > 0
                                                         && count(registry, "smarthome.events.out", system) > 0);
                }
                await().atMost(PATIENCE).until(() -> registry.find("smarthome.miio.ack.latency").timer() != null
                                                     && registry.find("smarthome.miio.ack.latency").timer().count() > 0);

                String scrape = scrape(registry);
                for (String system : SYSTEMS) {
                    String tag = "system=\"" + system + "\"";
                    assertThat(lines(scrape, "smarthome_events_in_total{")).anyMatch(line -> line.contains(tag));
                    assertThat(lines(scrape, "smarthome_events_out_total{")).anyMatch(line -> line.contains(tag)
                                                                                              && line.contains("sink=\"mqtt\""));
                    assertThat(lines(scrape, "smarthome_messages_out_total{")).anyMatch(line -> line.contains(tag));
                    assertThat(lines(scrape, "smarthome_parse_errors_total{")).anyMatch(line -> line.contains(tag));
                    assertThat(lines(scrape, "smarthome_reconnects_total{")).anyMatch(line -> line.contains(tag));
                }
                assertThat(scrape).contains("smarthome_homeconnect_budget_remaining{", "smarthome_homeconnect_budget_blocked{",
                        "smarthome_homeconnect_stream_connected{", "smarthome_simplisafe_connection_mode{",
                        "smarthome_simplisafe_polls_failed_total{", "smarthome_simplisafe_realtime_refusals_total{",
                        "smarthome_miio_ack_latency_seconds_bucket{", "smarthome_miio_ack_latency_seconds_count{",
                        "smarthome_miio_acks_total{", "smarthome_miio_gateways_moved_total{",
                        "smarthome_miio_dropped_unregistered_total{", "smarthome_miio_dropped_queue_full_total{");
            } finally {
                main.stop();
            }
        }
    }

    private static double count(MeterRegistry registry, String name, String system) {
        return registry.find(name).tag("system", system).meters().stream()
                .mapToDouble(meter -> meter.measure().iterator().next().getValue()).sum();
    }

    private static List<String> lines(String scrape, String prefix) {
        return scrape.lines().filter(line -> line.startsWith(prefix)).toList();
    }

    /** The Prometheus text the runner serves at /observe/metrics. */
    private static String scrape(MeterRegistry registry) throws Exception {
        return (String) registry.getClass().getMethod("scrape").invoke(registry);
    }
}
