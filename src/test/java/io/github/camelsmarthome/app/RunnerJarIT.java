package io.github.camelsmarthome.app;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelsmarthome.testing.FreePorts;
import io.github.camelsmarthome.testing.KafkaBroker;
import io.github.camelsmarthome.testing.MqttBroker;
import io.github.camelsmarthome.testing.MqttProbe;
import io.github.camelsmarthome.testing.RunnerProcess;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The runner jar, started as users start it, in its own process.
 */
class RunnerJarIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Path PROJECT = Path.of(System.getProperty("camel-smarthome.project.dir", "."));

    @TempDir
    Path workDir;

    private Path routesWithYamlAndXml() throws Exception {
        Path routes = Files.createDirectories(workDir.resolve("my-routes"));
        Files.copy(PROJECT.resolve("routes/bridge.yaml"), routes.resolve("bridge.yaml"));
        Files.writeString(routes.resolve("hello.xml"), """
                <routes xmlns="http://camel.apache.org/schema/xml-io">
                  <route id="hello-from-xml" routeConfigurationId="retry-until-broker-answers">
                    <from uri="timer:hello-from-xml?repeatCount=1"/>
                    <setBody><constant>hello from an XML route</constant></setBody>
                    <to uri="smarthome-mqtt:{{smarthome.mqtt.base-topic}}/test/xml?qos=1"/>
                  </route>
                </routes>
                """);
        return routes;
    }

    private static boolean healthIs(int port, int status, String fragment) {
        HttpResponse<String> response = RunnerProcess.get(port, "/observe/health");
        return response != null && response.statusCode() == status && response.body().contains(fragment);
    }

    @Test
    void runStartsTheYamlAndTheXmlRoutesAndReportsHealthy() throws Exception {
        MqttBroker broker = new MqttBroker();
        broker.start();
        int metricsPort = FreePorts.find();
        try (MqttProbe probe = MqttProbe.subscribe(broker.url(), "run-it/#");
             RunnerProcess runner = RunnerProcess.start(workDir, Map.of(
                     "ROUTES_DIR", routesWithYamlAndXml().toString(),
                     "MQTT_URL", broker.url(),
                     "MQTT_BASE_TOPIC", "run-it",
                     "METRICS_PORT", Integer.toString(metricsPort)), "run")) {
            await().atMost(START).until(() -> healthIs(metricsPort, 200, "\"UP\""));
            probe.awaitMessage("run-it/test/xml", m -> m.payload().equals("hello from an XML route"), START);
            probe.awaitMessage("run-it/bridge/info", m -> m.payload().contains("\"version\""), START);
            assertThat(runner.stdout()).contains("Started hello-from-xml", "Started bridge-info-to-mqtt");
            assertThat(RunnerProcess.get(metricsPort, "/observe/metrics").body()).contains("camel_exchanges_total");
        } finally {
            broker.stop();
        }
    }

    @Test
    void anUnreachableBrokerAtStartIsReportedDownAndJoinedWhenItAppears() throws Exception {
        MqttBroker broker = new MqttBroker(FreePorts.find());
        int metricsPort = FreePorts.find();
        try (RunnerProcess runner = RunnerProcess.start(workDir, Map.of(
                "ROUTES_DIR", routesWithYamlAndXml().toString(),
                "MQTT_URL", broker.url(),
                "MQTT_BASE_TOPIC", "late-broker",
                "METRICS_PORT", Integer.toString(metricsPort)), "run")) {
            await().atMost(START).until(() -> healthIs(metricsPort, 503, "unreachable"));
            HttpResponse<String> down = RunnerProcess.get(metricsPort, "/observe/health");
            assertThat(down.body()).contains("mqtt-broker", "DOWN", "127.0.0.1:" + broker.port(), "Connection refused");
            assertThat(runner.isAlive()).isTrue();

            broker.start();
            try (MqttProbe probe = MqttProbe.subscribe(broker.url(), "late-broker/#")) {
                await().atMost(START).until(() -> healthIs(metricsPort, 200, "\"UP\""));
                probe.awaitMessage("late-broker/bridge/state", m -> m.payload().equals("online"), START);
                // Published while the broker was down: delayed, not lost.
                probe.awaitMessage("late-broker/bridge/info", m -> m.payload().contains("\"instance\""), START);
                probe.awaitMessage("late-broker/test/xml", m -> true, START);
            }
        } finally {
            broker.stop();
        }
    }

    @Test
    void withKafkaBrokersTheKafkaHealthCheckAndRouteAreOn() throws Exception {
        MqttBroker broker = new MqttBroker();
        KafkaBroker kafka = new KafkaBroker();
        broker.start();
        kafka.start();
        int metricsPort = FreePorts.find();
        try (RunnerProcess runner = RunnerProcess.start(workDir, Map.of(
                "ROUTES_DIR", routesWithYamlAndXml().toString(),
                "MQTT_URL", broker.url(),
                "KAFKA_BROKERS", kafka.bootstrapServers(),
                "INSTANCE_ID", "runner-it",
                "METRICS_PORT", Integer.toString(metricsPort)), "run")) {
            await().atMost(START).until(() -> healthIs(metricsPort, 200, "\"UP\""));
            List<ConsumerRecord<String, String>> records = kafka.records("smarthome.bridge.events", 1, START);
            assertThat(records).extracting(ConsumerRecord::key).containsExactly("runner-it");
            assertThat(runner.stdout()).contains("Started bridge-started-to-kafka");
        } finally {
            kafka.stop();
            broker.stop();
        }
    }

    @Test
    void anUnreachableKafkaIsReportedDownWithoutStoppingMqtt() throws Exception {
        MqttBroker broker = new MqttBroker();
        broker.start();
        int metricsPort = FreePorts.find();
        int nothingListens = FreePorts.find();
        try (MqttProbe probe = MqttProbe.subscribe(broker.url(), "no-kafka/#");
             RunnerProcess runner = RunnerProcess.start(workDir, Map.of(
                     "ROUTES_DIR", routesWithYamlAndXml().toString(),
                     "MQTT_URL", broker.url(),
                     "MQTT_BASE_TOPIC", "no-kafka",
                     "KAFKA_BROKERS", "127.0.0.1:" + nothingListens,
                     "METRICS_PORT", Integer.toString(metricsPort)), "run")) {
            await().atMost(START).until(() -> healthIs(metricsPort, 503, "kafka-broker"));
            assertThat(RunnerProcess.get(metricsPort, "/observe/health").body())
                    .contains("Kafka cluster 127.0.0.1:" + nothingListens + " unreachable");
            // The MQTT sink flows although the Kafka sink cannot.
            probe.awaitMessage("no-kafka/bridge/info", m -> true, START);
            assertThat(runner.isAlive()).isTrue();
        } finally {
            broker.stop();
        }
    }

    @Test
    void theDemoShowsEventsOfTheThreeSystemsAndTheBridgeWithNoSetUp() throws Exception {
        Files.createDirectories(workDir.resolve("routes"));
        for (String route : new String[] {"bridge.yaml", "simplisafe-to-mqtt.yaml", "miio-to-mqtt.yaml"}) {
            Files.copy(PROJECT.resolve("routes").resolve(route), workDir.resolve("routes").resolve(route));
        }
        int metricsPort = FreePorts.find();
        try (RunnerProcess demo = RunnerProcess.start(workDir, Map.of("METRICS_PORT", Integer.toString(metricsPort)), "demo")) {
            await().atMost(START).until(() -> demo.stdout().contains("  homeconnect  ") && demo.stdout().contains("bridge/state  online")
                                              && demo.stdout().contains("  simplisafe   ")
                                              && demo.stdout().contains("simplisafe/12345/connection_mode  REALTIME")
                                              && demo.stdout().contains("  miio         lumi.")
                                              && demo.stdout().contains("camel-smarthome/miio/lumi_"));
            assertThat(demo.stdout()).contains("MQTT broker (embedded): tcp://127.0.0.1:", "Home Connect simulator:", "SimpliSafe simulator:",
                    "miio gateway simulator:");
            assertThat(demo.stderr()).doesNotContain("\tat ");
        }
    }

    private void assertOneLineFailure(RunnerProcess runner, int expectedExit, String... fragments) throws Exception {
        int exit = runner.waitForExit(START);
        String stderr = runner.stderr();
        assertThat(exit).as("exit code; stderr: %s", stderr).isEqualTo(expectedExit);
        assertThat(stderr.strip().lines()).as("stderr").hasSize(1);
        assertThat(stderr).contains(fragments);
        assertThat(stderr + runner.stdout()).as("no stack trace").doesNotContain("\tat ", "Exception:");
    }

    @Test
    void anUnknownCommandIsOneLineAndExitCode2() throws Exception {
        try (RunnerProcess runner = RunnerProcess.start(workDir, Map.of(), "frobnicate")) {
            assertOneLineFailure(runner, 2, "unknown command 'frobnicate'");
        }
    }

    @Test
    void aMissingRoutesFolderIsNamed() throws Exception {
        Path missing = workDir.resolve("no-such-routes");
        try (RunnerProcess runner = RunnerProcess.start(workDir, Map.of("ROUTES_DIR", missing.toString()), "run")) {
            assertOneLineFailure(runner, 3, "ROUTES_DIR", missing.toString(), "does not exist");
        }
    }

    @Test
    void aMalformedMqttUrlIsNamed() throws Exception {
        try (RunnerProcess runner = RunnerProcess.start(workDir, Map.of(
                "ROUTES_DIR", routesWithYamlAndXml().toString(), "MQTT_URL", "localhost:1883"), "run")) {
            assertOneLineFailure(runner, 3, "MQTT_URL", "'localhost:1883'", "tcp://host:1883");
        }
    }

    @Test
    void aSimulatorOfAnUnknownSystemIsOneLineNamingTheKnownOnes() throws Exception {
        try (RunnerProcess runner = RunnerProcess.start(workDir, Map.of(), "simulate", "zigbee")) {
            assertOneLineFailure(runner, 2, "simulate <system>", "homeconnect, simplisafe, miio");
        }
    }

    @Test
    void versionAndHelpAnswerWithoutStartingAnything() throws Exception {
        try (RunnerProcess runner = RunnerProcess.start(workDir, Map.of(), "--version")) {
            assertThat(runner.waitForExit(START)).isZero();
            assertThat(runner.stdout()).startsWith("camel-smarthome ").doesNotContain("unknown");
        }
        try (RunnerProcess runner = RunnerProcess.start(workDir, Map.of(), "--help")) {
            assertThat(runner.waitForExit(START)).isZero();
            assertThat(runner.stdout()).contains("run", "demo", "authorize <system>", "simulate <system>", "ROUTES_DIR");
        }
    }
}
