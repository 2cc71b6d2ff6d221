package io.github.camelsmarthome.miio;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelsmarthome.miio.protocol.DeterministicSceneId;
import io.github.camelsmarthome.miio.protocol.MiioPushEvent;
import io.github.camelsmarthome.simulator.miio.DeliveryOutcome;
import io.github.camelsmarthome.simulator.miio.FakeGatewayOptions;
import io.github.camelsmarthome.simulator.miio.StoredScene;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Given a fake gateway and a route {@code from("miio-push:127.0.0.2?devices=<switch>")}: what the
 * route's start, events and stop do to the gateway and to the route.
 */
class MiioPushConsumerTest extends MiioPushComponentTestSupport {

    @Override
    protected FakeGatewayOptions.Builder gatewayOptions(FakeGatewayOptions.Builder builder) {
        return builder.sendEventsTwice(true);
    }

    @Test
    void startingTheRouteInstallsOneScenePerCatalogEventOfTheDevicePointingToTheAdvertisedAddress() throws Exception {
        startCamel(switchRoute());

        await().atMost(TIMEOUT).until(() -> gateway.scenes().size() == SWITCH_ACTIONS.size());
        List<String> expectedIds = SWITCH_ACTIONS.stream().map(action -> DeterministicSceneId.of(GATEWAY_HOST, SWITCH, action))
                .toList();
        assertThat(sceneIds()).containsExactlyInAnyOrderElementsOf(expectedIds);
        for (StoredScene scene : gateway.scenes()) {
            assertThat(scene.targetIp()).isEqualTo("127.0.0.1");
            assertThat(scene.trigger().did()).isEqualTo(SWITCH);
            assertThat(scene.trigger().model()).isEqualTo(SWITCH_MODEL);
            assertThat(scene.actions()).singleElement().satisfies(action -> {
                assertThat(action.did()).isEqualTo("120009025");
                assertThat(action.model()).isEqualTo("chuangmi.plug.v3");
            });
        }
        assertThat(gateway.scenes()).extracting(StoredScene::command).containsExactlyInAnyOrder(
                "chuangmi.plug.v3.l_click_ch0:lumi_158d0001a2b3c4", "chuangmi.plug.v3.click_ch0:lumi_158d0001a2b3c4",
                "chuangmi.plug.v3.d_click_ch0:lumi_158d0001a2b3c4");
        awaitHealthy();
    }

    @Test
    void whileTheRouteRunsTheComponentListsItsGatewayAndTheConfiguredDevicesAsComplete() throws Exception {
        startCamel(switchRoute());
        MiioPushComponent component = context.getComponent("miio-push", MiioPushComponent.class);

        assertThat(component.completeDeviceList()).hasValueSatisfying(list -> {
            assertThat(list.system()).isEqualTo("miio");
            assertThat(list.deviceIds()).containsExactly(SWITCH);
            assertThat(list.gateways()).containsExactly(GATEWAY_HOST);
        });

        context.getRouteController().stopRoute(ROUTE);
        assertThat(component.completeDeviceList()).isEmpty();
    }

    @Test
    void aClickTheGatewaySendsTwiceArrivesAtTheRouteOnce() throws Exception {
        startCamel(switchRoute());
        awaitHealthy();

        List<DeliveryOutcome> sent = gateway.fire(SWITCH, "click_ch0").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(sent).singleElement().satisfies(outcome -> assertThat(outcome.acknowledged()).isTrue());
        await().atMost(TIMEOUT).until(() -> serverStats().duplicates() >= 1);
        await().atMost(TIMEOUT).until(() -> events().getReceivedCounter() >= 1);
        assertThat(gateway.stats().duplicatesSent()).isEqualTo(1);
        assertThat(events().getReceivedExchanges()).singleElement().satisfies(exchange -> {
            MiioPushEvent event = exchange.getMessage().getBody(MiioPushEvent.class);
            assertThat(event.type()).isEqualTo("click_ch0");
            assertThat(event.deviceId()).isEqualTo(SWITCH);
            assertThat(event.model()).isEqualTo(SWITCH_MODEL);
            assertThat(event.gateway()).isEqualTo(GATEWAY_HOST);
            assertThat(event.messageId()).isEqualTo(sent.get(0).eventId());
            assertHeaders(exchange, event);
        });
    }

    private static void assertHeaders(Exchange exchange, MiioPushEvent event) {
        assertThat(exchange.getMessage().getHeader(MiioPushConstants.GATEWAY)).isEqualTo(GATEWAY_HOST);
        assertThat(exchange.getMessage().getHeader(MiioPushConstants.DEVICE_ID)).isEqualTo(SWITCH);
        assertThat(exchange.getMessage().getHeader(MiioPushConstants.ACTION)).isEqualTo("click_ch0");
        assertThat(exchange.getMessage().getHeader(MiioPushConstants.MODEL)).isEqualTo(SWITCH_MODEL);
        assertThat(exchange.getMessage().getHeader(MiioPushConstants.EVENT_ID)).isEqualTo(event.id());
        assertThat(exchange.getMessage().getHeader(MiioPushConstants.METHOD)).isEqualTo("click_ch0:lumi_158d0001a2b3c4");
    }

    @Test
    void stoppingTheRouteDeletesEveryInstalledSceneFromTheGateway() throws Exception {
        CamelContext camel = startCamel(switchRoute());
        await().atMost(TIMEOUT).until(() -> gateway.scenes().size() == SWITCH_ACTIONS.size());

        camel.getRouteController().stopRoute(ROUTE);

        assertThat(gateway.scenes()).isEmpty();
        assertThat(requests("miIO.xdel")).isEqualTo(SWITCH_ACTIONS.size());
    }

    @Test
    void aRestartInstallsTheSameSceneIdsAgainWithoutDuplicates() throws Exception {
        CamelContext first = startCamel(switchRoute());
        await().atMost(TIMEOUT).until(() -> gateway.scenes().size() == SWITCH_ACTIONS.size());
        List<String> before = sceneIds();
        first.stop();
        assertThat(gateway.scenes()).isEmpty();

        startCamel(switchRoute());

        await().atMost(TIMEOUT).until(() -> gateway.scenes().size() == SWITCH_ACTIONS.size());
        assertThat(sceneIds()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void aStartWhileAnEarlierRunsScenesAreStillOnTheGatewayReplacesThemInsteadOfAddingMore() throws Exception {
        // The first context keeps running, as the scenes of a crashed process stay on the gateway.
        startCamel(switchRoute());
        await().atMost(TIMEOUT).until(() -> gateway.scenes().size() == SWITCH_ACTIONS.size());
        List<String> before = sceneIds();
        long uploadsBefore = requests("send_data_frame");
        int otherPort = io.github.camelsmarthome.testing.FreePorts.find();

        startCamel(configuration -> configuration.setPort(otherPort), switchRoute());

        await().atMost(TIMEOUT).until(() -> requests("send_data_frame") >= uploadsBefore + SWITCH_ACTIONS.size());
        assertThat(sceneIds()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void aSingleSubscriptionInstallsOnlyItsSceneAndItsEventArrivesWithTheModel() throws Exception {
        startCamel(eventsRoute("subscriptions=" + SWITCH + ":" + SWITCH_MODEL + ":click_ch0"));
        awaitHealthy();
        assertThat(sceneIds()).containsExactly(DeterministicSceneId.of(GATEWAY_HOST, SWITCH, "click_ch0"));

        gateway.fire(SWITCH, "click_ch0").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        await().atMost(TIMEOUT).until(() -> received("click_ch0").size() == 1);
        assertThat(received("click_ch0").get(0).model()).isEqualTo(SWITCH_MODEL);
    }

    @Test
    void aGatewayThatDoesNotAnswerAtStartLeavesTheRouteRunningDownAndGetsItsScenesWhenItAnswers() throws Exception {
        gateway.goSilent();
        startCamel(switchRoute());

        await().atMost(TIMEOUT).until(() -> consumerHealth().flatMap(HealthCheck.Result::getMessage)
                .map(message -> message.contains("installing the scenes failed")).orElse(false));
        assertThat(context.getRouteController().getRouteStatus(ROUTE).isStarted()).isTrue();
        assertThat(consumerHealth().orElseThrow().getState()).isEqualTo(HealthCheck.State.DOWN);

        gateway.comeBack();

        awaitHealthy();
        assertThat(gateway.scenes()).hasSize(SWITCH_ACTIONS.size());
    }

    @Test
    void twoRoutesOfOneGatewayEachReceiveEveryEventAndTheFirstToStopLeavesTheScenesTheOtherUses() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("miio-push:" + GATEWAY_HOST + "?devices=" + SWITCH + ":" + SWITCH_MODEL).routeId("all").to("mock:all");
                from("miio-push:" + GATEWAY_HOST + "?subscriptions=" + SWITCH + ":" + SWITCH_MODEL + ":click_ch0")
                        .routeId("clicks").to("mock:clicks");
            }
        });
        await().atMost(TIMEOUT).until(() -> gateway.scenes().size() == SWITCH_ACTIONS.size());

        gateway.fire(SWITCH, "click_ch0").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        MockEndpoint all = context.getEndpoint("mock:all", MockEndpoint.class);
        MockEndpoint clicks = context.getEndpoint("mock:clicks", MockEndpoint.class);
        await().atMost(TIMEOUT).until(() -> all.getReceivedCounter() == 1 && clicks.getReceivedCounter() == 1);
        context.getRouteController().stopRoute("all");
        assertThat(gateway.scenes()).extracting(StoredScene::id)
                .containsExactly(DeterministicSceneId.of(GATEWAY_HOST, SWITCH, "click_ch0"));
        context.getRouteController().stopRoute("clicks");
        assertThat(gateway.scenes()).isEmpty();
    }
}
