package io.github.camelsmarthome.homeconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.event.DeviceEvent;
import io.github.camelsmarthome.homeassistant.HomeAssistantCommands;
import io.github.camelsmarthome.homeassistant.HomeAssistantPublisher;
import io.github.camelsmarthome.homeassistant.discovery.DiscoveryMessage;
import io.github.camelsmarthome.homeassistant.discovery.DiscoveryOptions;
import io.github.camelsmarthome.homeassistant.discovery.HomeAssistantDiscovery;
import io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Constants;
import org.junit.jupiter.api.Test;

/**
 * Home Assistant's setting commands against the fake cloud, through the steps of the command route
 * (routes/homeassistant.yaml) and the discovery core fed by {@code homeconnect:events} with the
 * appliance type header (routes/homeconnect-to-mqtt.xml): a command changes the simulated appliance,
 * a result is written, and the appliance's answer comes back as state.
 */
class HomeConnectSettingCommandTest extends HomeConnectComponentTestSupport {

    private static final String CHILD_LOCK = "BSH.Common.Setting.ChildLock";
    private static final String BRIGHTNESS = "BSH.Common.Setting.AmbientLightBrightness";

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final HomeAssistantDiscovery discovery = new HomeAssistantDiscovery(DiscoveryOptions.defaults("test"));
    private final HomeAssistantPublisher publisher = new HomeAssistantPublisher(discovery, json, Duration.ZERO, Duration.ZERO);
    private final HomeAssistantCommands commands = new HomeAssistantCommands("camel-smarthome", discovery);
    private final List<DiscoveryMessage> published = new CopyOnWriteArrayList<>();
    private final List<String> applianceTypes = new CopyOnWriteArrayList<>();

    private RouteBuilder bridge() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("homeconnect:events").routeId("homeconnect-to-ha").process(exchange -> {
                    String type = exchange.getMessage().getHeader(HomeConnectConstants.APPLIANCE_TYPE, String.class);
                    applianceTypes.add(exchange.getMessage().getHeader(HomeConnectConstants.HA_ID) + "=" + type);
                    published.addAll(publisher.onEvent(exchange.getMessage().getBody(DeviceEvent.class), type));
                });
                from("direct:command").bean(commands, "prepare")
                        .choice()
                            .when(header(HomeAssistantCommands.COMMAND_URI).isNull()).bean(commands, "refused")
                            .otherwise().to("direct:run")
                        .end();
                from("direct:run")
                        .doTry()
                            .toD("${header." + HomeAssistantCommands.COMMAND_URI + "}").bean(commands, "succeeded")
                        .doCatch(Exception.class)
                            .bean(commands, "failed")
                        .end();
            }
        };
    }

    @Test
    void everyEventCarriesTheApplianceTypeOfTheApplianceList() throws Exception {
        startCamel(bridge());
        awaitStreamOpen();

        await().atMost(TIMEOUT).until(() -> applianceTypes.contains(SimulatedHousehold.OVEN + "=Oven")
                                            && applianceTypes.contains(SimulatedHousehold.WASHER + "=Washer"));
    }

    @Test
    void afterARestartTheSavedStateCarriesTheApplianceTypeToo() throws Exception {
        startCamel(bridge());
        awaitStreamOpen();
        await().atMost(TIMEOUT).until(() -> applianceTypes.contains(SimulatedHousehold.OVEN + "=Oven"));
        applianceTypes.clear();

        restartCamel(bridge());

        await().atMost(TIMEOUT).until(() -> applianceTypes.contains(SimulatedHousehold.OVEN + "=Oven"));
    }

    @Test
    void theChildLockSwitchLocksTheApplianceAndItsStateComesBack() throws Exception {
        startCamel(bridge());
        String washer = SimulatedHousehold.WASHER;
        await().atMost(TIMEOUT).until(() -> discovery.commandFacts().homeConnectSetting(washer, "child_lock").isPresent());
        assertThat(cloud.household().washer().setting(CHILD_LOCK).booleanValue()).isFalse();

        JsonNode result = command(washer, "child_lock", "ON");

        assertThat(result.path("status").asText()).isEqualTo("ok");
        assertThat(cloud.household().washer().setting(CHILD_LOCK).booleanValue()).isTrue();
        await().atMost(TIMEOUT).until(() -> published.stream().anyMatch(message -> message.topic()
                .equals("camel-smarthome/homeconnect/" + washer + "/state")
                && message.payload().contains("\"child_lock\":true")));
        assertThat(commands.executed()).isEqualTo(1);
    }

    @Test
    void aValueTheApplianceRefusesAnswersItsErrorAndChangesNothing() throws Exception {
        startCamel(bridge());
        String dishwasher = SimulatedHousehold.DISHWASHER;
        await().atMost(TIMEOUT).until(() -> discovery.commandFacts().homeConnectSetting(dishwasher, "ambient_light_brightness").isPresent());
        JsonNode before = cloud.household().dishwasher().setting(BRIGHTNESS);

        // 5 % is a percentage, so the bridge passes it on; this appliance's own minimum is 10 %.
        JsonNode result = command(dishwasher, "ambient_light_brightness", "5");

        assertThat(result.path("status").asText()).isEqualTo("error");
        assertThat(result.path("error").asText()).isNotBlank();
        assertThat(cloud.household().dishwasher().setting(BRIGHTNESS)).isEqualTo(before);
        assertThat(commands.failed()).isEqualTo(1);
    }

    @Test
    void aValueOutsideTheEntityIsRefusedWithoutARequest() throws Exception {
        startCamel(bridge());
        String dishwasher = SimulatedHousehold.DISHWASHER;
        await().atMost(TIMEOUT).until(() -> discovery.commandFacts().homeConnectSetting(dishwasher, "ambient_light_brightness").isPresent());
        long writes = settingWrites();

        JsonNode result = command(dishwasher, "ambient_light_brightness", "150");

        assertThat(result.path("status").asText()).isEqualTo("error");
        assertThat(result.path("error").asText()).contains("from 0 to 100");
        assertThat(settingWrites()).isEqualTo(writes);
    }

    private long settingWrites() {
        return restRequests().stream().filter(request -> "PUT".equals(request.method()) && request.path().contains("/settings"))
                .count();
    }

    /** Sends a command as the MQTT consumer hands it over and returns the result message. */
    private JsonNode command(String haId, String entity, String payload) throws Exception {
        Exchange done = context.createProducerTemplate().send("direct:command", exchange -> {
            exchange.getIn().setHeader(PahoMqtt5Constants.MQTT_TOPIC, "camel-smarthome/homeconnect/" + haId + "/" + entity + "/set");
            exchange.getIn().setBody(payload.getBytes(StandardCharsets.UTF_8));
        });
        assertThat(done.getMessage().getHeader(PahoMqtt5Constants.CAMEL_PAHO_OVERRIDE_TOPIC))
                .isEqualTo("camel-smarthome/homeconnect/" + haId + "/" + entity + "/result");
        return json.readTree(done.getMessage().getBody(byte[].class));
    }
}
