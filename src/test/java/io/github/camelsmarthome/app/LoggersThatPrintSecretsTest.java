package io.github.camelsmarthome.app;

import io.github.camelsmarthome.testing.CapturedLogs;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoggersThatPrintSecretsTest {

    private static final String PAHO_CONSUMER = "org.apache.camel.component.paho.mqtt5.PahoMqtt5Consumer";

    @Test
    void aLoggerThatPrintsSecretsAtDebugIsNamedInOneWarning() {
        try (CapturedLogs warnings = CapturedLogs.capture(LoggersThatPrintSecrets.class.getName());
             CapturedLogs paho = CapturedLogs.capture(PAHO_CONSUMER, Level.DEBUG)) {
            LoggersThatPrintSecrets.warnIfAtDebug();

            assertThat(LoggersThatPrintSecrets.atDebug()).contains(PAHO_CONSUMER);
            assertThat(warnings.atLevel(Level.WARN)).singleElement()
                    .satisfies(line -> assertThat(line.message()).contains(PAHO_CONSUMER).contains("docs/security.md"));
        }
    }

    @Test
    void atInfoThereIsNothingToSay() {
        try (CapturedLogs warnings = CapturedLogs.capture(LoggersThatPrintSecrets.class.getName());
             CapturedLogs paho = CapturedLogs.capture(PAHO_CONSUMER, Level.INFO)) {
            LoggersThatPrintSecrets.warnIfAtDebug();

            assertThat(LoggersThatPrintSecrets.atDebug()).doesNotContain(PAHO_CONSUMER);
            assertThat(warnings.atLevel(Level.WARN)).noneMatch(line -> line.message().contains(PAHO_CONSUMER));
        }
    }
}
