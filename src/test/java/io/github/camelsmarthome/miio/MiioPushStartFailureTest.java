package io.github.camelsmarthome.miio;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.camelsmarthome.InvalidConfigurationException;
import org.apache.camel.CamelContext;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Configuration errors stop the route at start with one line that names the option and says what
 * to do, and nothing is installed on the gateway.
 */
class MiioPushStartFailureTest extends MiioPushComponentTestSupport {

    @TempDir
    Path folder;

    @Test
    void aCommandOverFortyNineCharactersFailsAtStartWithOneClearLine() throws Exception {
        Path catalog = folder.resolve("events.json");
        Files.writeString(catalog, "{\"events\":[{\"zigbee_model\":\"" + SWITCH_MODEL
                + "\",\"action\":\"a_much_too_long_action\",\"extra\":\"[1,13,1,85,[0,1],0,0]\"}]}");
        CamelContext camel = newCamel(configuration -> configuration.setEventCatalog(catalog.toString()),
                eventsRoute("subscriptions=" + SWITCH + ":" + SWITCH_MODEL + ":a_much_too_long_action"));

        InvalidConfigurationException failure = configurationFailure(camel::start);

        assertThat(failure.getMessage()).isEqualTo("subscriptions: device lumi.158d0001a2b3c4, action 'a_much_too_long_action':"
                + " the scene command 'chuangmi.plug.v3.a_much_too_long_action:lumi_158d0001a2b3c4' is 59 characters, over"
                + " the gateway's limit of 49 (it would truncate it and the event would never be recognised); use an action"
                + " of at most 12 characters for this device");
        assertThat(gateway.scenes()).isEmpty();
        assertThat(camel.getComponent("miio-push", MiioPushComponent.class).runningServers()).isEmpty();
    }

    @Test
    void aPortAlreadyInUseFailsAtStartWithOneClearLine() throws Exception {
        try (DatagramSocket occupant = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), serverPort))) {
            CamelContext camel = newCamel(configuration -> { }, switchRoute());

            InvalidConfigurationException failure = configurationFailure(camel::start);

            assertThat(failure.getMessage()).isEqualTo("port: UDP 127.0.0.1:" + serverPort + " is already in use (another miIO"
                    + " push server or miIO tool?); stop it or set another bindAddress (gateways only send to port 54321)");
            assertThat(gateway.scenes()).isEmpty();
        }
    }

    @Test
    void aMalformedTokenFailsAtStartNamingTheOptionWithoutRepeatingTheValue() throws Exception {
        String typo = TOKEN.substring(0, 31) + "z";
        CamelContext camel = newCamel(configuration -> configuration.setToken(typo), switchRoute());

        InvalidConfigurationException failure = configurationFailure(camel::start);

        assertThat(failure.getMessage()).isEqualTo("token: miio-push:127.0.0.2: miIO token must be 32 hexadecimal characters;"
                + " character 32 is not hexadecimal");
        assertThat(failure.option()).isEqualTo("token");
    }

    @Test
    void aModelTheCatalogDoesNotKnowFailsAtStartNamingTheKnownModels() throws Exception {
        CamelContext camel = newCamel(configuration -> { }, eventsRoute("devices=" + SWITCH + ":lumi.sensor_switch.zz9"));

        InvalidConfigurationException failure = configurationFailure(camel::start);

        assertThat(failure.getMessage()).startsWith("devices: entry 'lumi.158d0001a2b3c4:lumi.sensor_switch.zz9': model"
                + " 'lumi.sensor_switch.zz9' is not in the event catalog; known models: ").contains("lumi.sensor_switch.aq2");
    }

    /** The configuration error behind a failed start, which must be one line. */
    private static InvalidConfigurationException configurationFailure(ThrowingCallable start) {
        Throwable thrown = catchThrowable(start);
        assertThat(thrown).as("the start fails").isNotNull();
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof InvalidConfigurationException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("an InvalidConfigurationException behind " + thrown).isNotNull();
        assertThat(cause.getMessage()).doesNotContain("\n");
        return (InvalidConfigurationException) cause;
    }
}
