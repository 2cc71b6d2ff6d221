package io.github.camelsmarthome.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmarthomeCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int execute(Map<String, String> env, String... args) {
        return new SmarthomeCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env)
                .execute(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noCommandIsUsageError() {
        assertThat(execute(Map.of())).isEqualTo(SmarthomeCli.EXIT_USAGE);
        assertThat(err()).contains("no command given").hasLineCount(1);
    }

    @Test
    void unknownCommandNamesItAndListsTheCommands() {
        assertThat(execute(Map.of(), "start")).isEqualTo(SmarthomeCli.EXIT_USAGE);
        assertThat(err()).contains("unknown command 'start'", "run, demo").hasLineCount(1);
    }

    @Test
    void authorizeAndSimulateCheckTheSystemName() {
        assertThat(execute(Map.of(), "authorize", "miio")).isEqualTo(SmarthomeCli.EXIT_USAGE);
        assertThat(err()).contains("homeconnect, simplisafe");
        err.reset();
        assertThat(execute(Map.of(), "simulate")).isEqualTo(SmarthomeCli.EXIT_USAGE);
        assertThat(err()).contains("homeconnect, simplisafe, miio");
    }

    @Test
    void simulateHomeConnectExplainsItsOptionsAndRefusesUnknownOnes() {
        assertThat(execute(Map.of(), "simulate", "homeconnect", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: simulate homeconnect", "--auto-approve");
        assertThat(execute(Map.of(), "simulate", "homeconnect", "--bogus")).isEqualTo(SmarthomeCli.EXIT_USAGE);
        assertThat(err()).contains("Unknown option --bogus");
    }

    @Test
    void simulateSimpliSafeExplainsItsOptions() {
        assertThat(execute(Map.of(), "simulate", "simplisafe", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("simplisafe");
    }

    @Test
    void simulateMiioExplainsItsOptionsAndRefusesUnknownOnes() {
        assertThat(execute(Map.of(), "simulate", "miio", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: simulate miio", "--token", "fire <sid>");
        assertThat(execute(Map.of(), "simulate", "miio", "--bogus")).isEqualTo(SmarthomeCli.EXIT_USAGE);
        assertThat(err()).contains("Unknown option --bogus");
    }

    @Test
    void runTakesNoArguments() {
        assertThat(execute(Map.of(), "run", "--routes", "x")).isEqualTo(SmarthomeCli.EXIT_USAGE);
        assertThat(err()).contains("'run' takes no arguments").hasLineCount(1);
    }

    @Test
    void badEnvironmentStopsRunBeforeCamelStarts() {
        assertThat(execute(Map.of("ROUTES_DIR", "target/test-classes", "METRICS_PORT", "http"), "run"))
                .isEqualTo(SmarthomeCli.EXIT_CONFIGURATION);
        assertThat(err()).isEqualToIgnoringNewLines("camel-smarthome: METRICS_PORT: 'http' is not a port number: use a number from 1 to 65535 (default 9876)");
        err.reset();
        assertThat(execute(Map.of("ROUTES_DIR", "target/test-classes", "KAFKA_BROKERS", "kafka"), "run"))
                .isEqualTo(SmarthomeCli.EXIT_CONFIGURATION);
        assertThat(err()).contains("KAFKA_BROKERS: 'kafka' is not host:port").hasLineCount(1);
        err.reset();
        assertThat(execute(Map.of("CONFIG_FILE", "target/none.properties"), "run")).isEqualTo(SmarthomeCli.EXIT_CONFIGURATION);
        assertThat(err()).contains("CONFIG_FILE: the file ", "none.properties does not exist").hasLineCount(1);
    }

    @Test
    void helpListsEveryCommandAndVariable() {
        assertThat(execute(Map.of(), "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("run", "demo", "authorize <system>", "simulate <system>", "--version",
                "ROUTES_DIR", "STATE_DIR", "KAFKA_BROKERS", "MQTT_URL", "METRICS_PORT");
    }
}
