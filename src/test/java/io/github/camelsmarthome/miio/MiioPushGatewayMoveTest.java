package io.github.camelsmarthome.miio;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelsmarthome.miio.protocol.MiioPushEvent;
import io.github.camelsmarthome.simulator.miio.DeliveryOutcome;
import io.github.camelsmarthome.simulator.miio.StoredScene;
import io.github.camelsmarthome.testing.CapturedLogs;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Given a running route of the fake gateway on 127.0.0.2 with its scenes installed, the gateway gets
 * a new address (127.0.0.3) and keeps its scenes, which still point to the push server: its next
 * event reveals the move, and the route follows it there.
 */
class MiioPushGatewayMoveTest extends MiioPushComponentTestSupport {

    private static final String NEW_ADDRESS = "127.0.0.3";

    @Test
    void aClickFromTheNewAddressArrivesOnceAndAGatewayMovedEventFollows() throws Exception {
        startCamel(switchRoute());
        awaitHealthy();
        gateway = gateway.restartAt(NEW_ADDRESS);

        List<DeliveryOutcome> sent = gateway.fire(SWITCH, "click_ch0").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(sent).singleElement().satisfies(outcome -> assertThat(outcome.acknowledged()).isTrue());
        await().atMost(TIMEOUT).until(() -> received(MiioPushConstants.GATEWAY_MOVED).size() == 1
                && received("click_ch0").size() == 1);
        MiioPushEvent moved = received(MiioPushConstants.GATEWAY_MOVED).get(0);
        assertThat(moved.gateway()).isEqualTo(GATEWAY_HOST);
        assertThat(moved.params().path("from").asText()).isEqualTo(GATEWAY_HOST);
        assertThat(moved.params().path("to").asText()).isEqualTo(NEW_ADDRESS);
        MiioPushEvent click = received("click_ch0").get(0);
        assertThat(click.messageId()).isEqualTo(sent.get(0).eventId());
        assertThat(click.gateway()).isEqualTo(GATEWAY_HOST);
        assertThat(serverStats().droppedUnregistered()).isZero();
        assertThat(serverStats().gatewaysMoved()).isEqualTo(1);
    }

    @Test
    void theScenesAreInstalledAgainAtTheNewAddressWithTheSameIdsAndTheHealthIsUp() throws Exception {
        startCamel(switchRoute());
        awaitHealthy();
        List<String> idsBefore = sceneIds();
        gateway = gateway.restartAt(NEW_ADDRESS);

        gateway.fire(SWITCH, "click_ch0").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        await().atMost(TIMEOUT).until(() -> requests("send_data_frame") >= SWITCH_ACTIONS.size());
        awaitHealthy();
        assertThat(gateway.localAddress().getAddress().getHostAddress()).isEqualTo(NEW_ADDRESS);
        assertThat(sceneIds()).containsExactlyInAnyOrderElementsOf(idsBefore).hasSize(SWITCH_ACTIONS.size());
    }

    @Test
    void stoppingTheRouteAfterTheMoveDeletesTheScenesAtTheNewAddress() throws Exception {
        CamelContext camel = startCamel(switchRoute());
        awaitHealthy();
        gateway = gateway.restartAt(NEW_ADDRESS);
        gateway.fire(SWITCH, "click_ch0").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        await().atMost(TIMEOUT).until(() -> received(MiioPushConstants.GATEWAY_MOVED).size() == 1);

        camel.getRouteController().stopRoute(ROUTE);

        assertThat(gateway.scenes()).isEmpty();
        assertThat(requests("miIO.xdel")).isEqualTo(SWITCH_ACTIONS.size());
        assertThat(context.getComponent("miio-push", MiioPushComponent.class).runningServers()).isEmpty();
    }

    @Test
    void twoRoutesOfOneGatewayBothFollowTheMoveAndTheLastToStopLeavesNoScene() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("miio-push:" + GATEWAY_HOST + "?devices=" + SWITCH + ":" + SWITCH_MODEL).routeId("all").to("mock:all");
                from("miio-push:" + GATEWAY_HOST + "?subscriptions=" + SWITCH + ":" + SWITCH_MODEL + ":click_ch0")
                        .routeId("clicks").to("mock:clicks");
            }
        });
        await().atMost(TIMEOUT).until(() -> gateway.scenes().size() == SWITCH_ACTIONS.size());
        gateway = gateway.restartAt(NEW_ADDRESS);

        gateway.fire(SWITCH, "click_ch0").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        MockEndpoint all = context.getEndpoint("mock:all", MockEndpoint.class);
        MockEndpoint clicks = context.getEndpoint("mock:clicks", MockEndpoint.class);
        await().atMost(TIMEOUT).until(() -> types(all).containsAll(List.of("click_ch0", MiioPushConstants.GATEWAY_MOVED))
                && types(clicks).containsAll(List.of("click_ch0", MiioPushConstants.GATEWAY_MOVED)));
        assertThat(types(all)).containsExactlyInAnyOrder("click_ch0", MiioPushConstants.GATEWAY_MOVED);
        context.getRouteController().stopRoute("all");
        assertThat(gateway.scenes()).extracting(StoredScene::id).hasSize(1);
        context.getRouteController().stopRoute("clicks");
        assertThat(gateway.scenes()).isEmpty();
    }

    @Test
    void theTokenIsNotLoggedWhileTheGatewayMoves() throws Exception {
        try (CapturedLogs logs = CapturedLogs.capture("io.github.camelsmarthome")) {
            startCamel(switchRoute());
            awaitHealthy();
            gateway = gateway.restartAt(NEW_ADDRESS);

            gateway.fire(SWITCH, "click_ch0").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            await().atMost(TIMEOUT).until(() -> received(MiioPushConstants.GATEWAY_MOVED).size() == 1);
            awaitHealthy();

            assertThat(logs.allText()).contains("moved from " + GATEWAY_HOST + " to " + NEW_ADDRESS)
                    .doesNotContainIgnoringCase(TOKEN);
        }
    }

    private static List<String> types(MockEndpoint endpoint) {
        return endpoint.getReceivedExchanges().stream()
                .map(exchange -> exchange.getMessage().getBody(MiioPushEvent.class).type()).toList();
    }
}
