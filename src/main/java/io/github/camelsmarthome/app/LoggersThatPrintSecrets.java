package io.github.camelsmarthome.app;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Library loggers that print secrets at DEBUG, whatever the bundle does: Camel Main and its
 * property parser print every configured value unmasked (client secret, refresh tokens, miIO
 * token, MQTT password), and the Paho consumer prints every MQTT payload, which for an alarm
 * command holds the arm code. The runner's logging configuration keeps them at INFO; anyone who
 * embeds the bundle must do the same (docs/security.md). At start the runner warns about each one
 * that is at DEBUG.
 */
public final class LoggersThatPrintSecrets {

    /** The logger names, each of which must stay at INFO or above. */
    public static final List<String> NAMES = List.of(
            "org.apache.camel.main.BaseMainSupport",
            "org.apache.camel.main.MainHelper",
            "org.apache.camel.component.properties.DefaultPropertiesParser",
            "org.apache.camel.component.paho.mqtt5.PahoMqtt5Consumer");

    private static final Logger LOG = LoggerFactory.getLogger(LoggersThatPrintSecrets.class);

    private LoggersThatPrintSecrets() {
    }

    /** The ones of {@link #NAMES} that are at DEBUG or TRACE right now. */
    public static List<String> atDebug() {
        return NAMES.stream().filter(name -> LoggerFactory.getLogger(name).isDebugEnabled()).toList();
    }

    /** Logs one warning naming every logger of {@link #NAMES} that is at DEBUG; nothing when none is. */
    public static void warnIfAtDebug() {
        List<String> leaking = atDebug();
        if (!leaking.isEmpty()) {
            LOG.warn("Logger(s) {} at DEBUG print configured secrets or MQTT command payloads (arm codes): set them to INFO"
                     + " (docs/security.md)", leaking);
        }
    }
}
