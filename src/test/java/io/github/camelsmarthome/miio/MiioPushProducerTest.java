package io.github.camelsmarthome.miio;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.miio.protocol.DeterministicSceneId;
import io.github.camelsmarthome.miio.protocol.MiioDeviceException;
import io.github.camelsmarthome.simulator.miio.StoredScene;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code to("miio-push:<gateway>")}: miIO commands, and single events subscribed and unsubscribed. */
class MiioPushProducerTest extends MiioPushComponentTestSupport {

    private static RouteBuilder commandRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:info").to("miio-push:" + GATEWAY_HOST + "?operation=send&method=miIO.info");
                from("direct:gateway").to("miio-push:" + GATEWAY_HOST);
            }
        };
    }

    @Test
    void sendingMiioInfoReturnsTheGatewaysResultWithItsModel() throws Exception {
        startCamel(commandRoute());

        JsonNode result = context.createProducerTemplate().requestBody("direct:info", null, JsonNode.class);

        assertThat(result.path("model").asText()).isEqualTo("lumi.gateway.v3");
    }

    @Test
    void aMethodTheGatewayDoesNotKnowFailsWithItsDeviceError() throws Exception {
        startCamel(commandRoute());

        CamelExecutionException thrown = catchThrowableOfType(() -> context.createProducerTemplate().requestBodyAndHeader(
                "direct:gateway", "[]", MiioPushConstants.METHOD, "no_such_method"), CamelExecutionException.class);

        assertThat(thrown.getCause()).isInstanceOfSatisfying(MiioDeviceException.class,
                device -> assertThat(device.kind()).isEqualTo(MiioDeviceException.Kind.DEVICE_ERROR));
    }

    @Test
    void subscribeInstallsTheSceneOfOneEventAndUnsubscribeDeletesIt() throws Exception {
        startCamel(configuration -> configuration.setAdvertisedAddress("127.0.0.1"), commandRoute());
        ProducerTemplate template = context.createProducerTemplate();
        Map<String, Object> headers = Map.of(MiioPushConstants.OPERATION, "subscribe", MiioPushConstants.DEVICE_ID, SWITCH,
                MiioPushConstants.MODEL, SWITCH_MODEL, MiioPushConstants.ACTION, "d_click_ch0");
        String expectedId = DeterministicSceneId.of(GATEWAY_HOST, SWITCH, "d_click_ch0");

        String subscribed = template.requestBodyAndHeaders("direct:gateway", null, headers, String.class);

        assertThat(subscribed).isEqualTo(expectedId);
        assertThat(gateway.scenes()).singleElement().satisfies(scene -> {
            assertThat(scene.id()).isEqualTo(expectedId);
            assertThat(scene.command()).isEqualTo("chuangmi.plug.v3.d_click_ch0:lumi_158d0001a2b3c4");
            assertThat(scene.targetIp()).isEqualTo("127.0.0.1");
        });

        String unsubscribed = template.requestBodyAndHeaders("direct:gateway", null, Map.of(MiioPushConstants.OPERATION,
                "unsubscribe", MiioPushConstants.DEVICE_ID, SWITCH, MiioPushConstants.ACTION, "d_click_ch0"), String.class);

        assertThat(unsubscribed).isEqualTo(expectedId);
        assertThat(gateway.scenes()).extracting(StoredScene::id).isEmpty();
    }
}
