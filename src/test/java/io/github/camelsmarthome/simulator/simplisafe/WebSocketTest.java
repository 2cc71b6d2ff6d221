package io.github.camelsmarthome.simulator.simplisafe;

import static io.github.camelsmarthome.simulator.simplisafe.AuthorizationCodeFlowTest.fieldNames;
import static io.github.camelsmarthome.simulator.simplisafe.SimpliSafeHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Brief section 6: hello, identify, registered, subscribed, then events as they happen. */
class WebSocketTest extends SimpliSafeTestSupport {

    private static final Duration QUIET = Duration.ofMillis(300);

    @Test
    void theServerSaysHelloThenRegistersAndSubscribesAnIdentifiedClient() {
        try (SocketProbe socket = SocketProbe.open(cloud)) {
            JsonNode hello = socket.next();
            assertThat(hello.path("type").asText()).isEqualTo("com.simplisafe.service.hello");
            assertThat(fieldNames(hello)).containsExactly("type", "source", "specversion", "datacontenttype", "id", "time", "data");
            assertThat(hello.path("source").asText()).isEqualTo("service");
            assertThat(hello.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(fieldNames(hello.path("data"))).containsExactlyElementsOf(fieldNames(SimpliSafeHttp.fixture("ws_message_hello_data.json")));
            assertThat(hello.path("data").path("timeouts")).isEqualTo(SimpliSafeHttp.fixture("ws_message_hello_data.json").path("timeouts"));

            socket.identify(token, USER_ID);

            JsonNode registered = socket.next();
            assertThat(registered.path("type").asText()).isEqualTo("com.simplisafe.service.registered");
            assertThat(registered.has("data")).isFalse();
            JsonNode subscribed = socket.next();
            assertThat(subscribed.path("type").asText()).isEqualTo("com.simplisafe.namespace.subscribed");
            assertThat(subscribed.path("data").path("namespace").asText()).isEqualTo("uid:12345");
            await().atMost(Duration.ofSeconds(2)).until(() -> cloud.sockets().subscribedCount() == 1);
        }
    }

    @Test
    void anEventReachesTheSocketWithTheEventIdTheHistoryShows() {
        cloud.system().setExitDelay(AlarmMode.AWAY, 0);
        try (SocketProbe socket = SocketProbe.subscribed(cloud, token)) {
            http.post(v3("/state/away"), token, null);
            cloud.system().openSensor(FRONT_DOOR);

            JsonNode latest = json(http.get("/subscriptions/12345/events?numEvents=1", token)).path("events").path(0);
            assertThat(latest.path("eventCid").asInt()).isEqualTo(1429);
            JsonNode pushed = socket.awaitEvent(latest.path("eventId").asLong());

            assertThat(pushed.path("type").asText()).isEqualTo("com.simplisafe.event.standard");
            assertThat(pushed.path("source").asText()).isEqualTo("messagequeue");
            assertThat(pushed.path("id").asText()).isEqualTo("id:" + latest.path("eventId").asLong());
            JsonNode data = pushed.path("data");
            assertThat(data.path("eventCid").asInt()).isEqualTo(1429);
            assertThat(data.path("sensorSerial").asText()).isEqualTo(FRONT_DOOR);
            assertThat(data.path("sid").asLong()).isEqualTo(SID);
            assertThat(data.path("eventTimestamp").asLong()).isEqualTo(latest.path("eventTimestamp").asLong());
            assertThat(fieldNames(SimpliSafeHttp.fixture("ws_message_event_data.json"))).allSatisfy(field -> assertThat(data.has(field)).as(field).isTrue());
        }
    }

    @Test
    void emitEventPushesAnyCodeAndFixtureEventsArriveAsTheyAre() {
        try (SocketProbe socket = SocketProbe.subscribed(cloud, token)) {
            SimulatedEvent unknown = cloud.emitEvent(1461);
            assertThat(socket.awaitEvent(unknown.eventId()).path("data").path("eventCid").asInt()).isEqualTo(1461);

            JsonNode fixture = SimpliSafeHttp.fixture("ws_motion_event_data.json");
            SimulatedEvent motion = cloud.system().emitEventData(fixture);
            assertThat(motion.eventId()).isEqualTo(38552328826L);
            assertThat(socket.awaitEvent(38552328826L).path("data")).isEqualTo(fixture);
        }
    }

    @Test
    void lockConfirmationsArePushedToo() {
        try (SocketProbe socket = SocketProbe.subscribed(cloud, token)) {
            http.post("/doorlock/12345/" + FRONT_DOOR_LOCK + "/state", token, "{\"state\":\"unlock\"}");
            JsonNode event = socket.nextOfType("com.simplisafe.event.standard");
            assertThat(event.path("data").path("eventCid").asInt()).isEqualTo(9700);
        }
    }

    @Test
    void anUnknownTokenIsClosedWith1008AndAForeignNamespaceIsNotJoined() {
        try (SocketProbe socket = SocketProbe.open(cloud)) {
            socket.identify("not-a-token", USER_ID);
            assertThat(socket.awaitEnd()).isEqualTo("close:1008");
        }
        try (SocketProbe socket = SocketProbe.open(cloud)) {
            socket.identify(token, 99999);
            socket.nextOfType("com.simplisafe.service.registered");
            assertThat(socket.poll(QUIET)).isNull();
        }
    }

    @Test
    void theSubscribedTypeCanBeTheServiceOne() {
        cloud.sockets().setSubscribedMessageType(SubscribedMessageType.SERVICE);
        try (SocketProbe socket = SocketProbe.open(cloud)) {
            socket.identify(token, USER_ID);
            assertThat(socket.nextOfType("com.simplisafe.service.subscribed").path("data").path("namespace").asText()).isEqualTo("uid:12345");
        }
    }

    @Test
    void in403ModeTheUpgradeIsRefusedWithHttp403() {
        cloud.faults().rejectSocketUpgrades(true);

        assertThatThrownBy(() -> SimpliSafeHttp.CLIENT.newWebSocketBuilder()
                .buildAsync(URI.create(cloud.webSocketUrl()), new WebSocket.Listener() { }).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(403));
        assertThat(cloud.requests().ofKind(RequestKind.WEBSOCKET)).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(403));

        cloud.faults().rejectSocketUpgrades(false);
        try (SocketProbe socket = SocketProbe.subscribed(cloud, token)) {
            SimulatedEvent disarmed = cloud.emitEvent(1407);
            assertThat(socket.next().path("data").path("eventId").asLong()).isEqualTo(disarmed.eventId());
            assertThat(cloud.requests().ofKind(RequestKind.WEBSOCKET)).last().satisfies(r -> assertThat(r.status()).isEqualTo(101));
        }
    }

    @Test
    void aWithheldSubscriptionLeavesTheClientWaiting() {
        cloud.faults().withholdSubscribed(true);
        try (SocketProbe socket = SocketProbe.open(cloud)) {
            socket.identify(token, USER_ID);
            socket.nextOfType("com.simplisafe.service.registered");
            assertThat(socket.poll(QUIET)).isNull();
        }
    }

    @Test
    void droppedAndClosedSocketsEndAndAReconnectIdentifiesAgain() {
        try (SocketProbe dropped = SocketProbe.subscribed(cloud, token)) {
            cloud.faults().dropSockets();
            assertThat(dropped.awaitEnd()).as("no close frame: an abnormal end").isIn("error:IOException", "close:1006");
            await().atMost(Duration.ofSeconds(2)).until(() -> cloud.sockets().openCount() == 0);
        }

        try (SocketProbe closed = SocketProbe.subscribed(cloud, token)) {
            cloud.faults().closeSockets(4000, "going away");
            assertThat(closed.awaitEnd()).isEqualTo("close:4000");
        }
        try (SocketProbe again = SocketProbe.subscribed(cloud, token)) {
            assertThat(cloud.sockets().acceptedUpgrades()).isEqualTo(3);
            assertThat(cloud.sockets().subscribedCount()).isEqualTo(1);
            SimulatedEvent afterReconnect = cloud.emitEvent(3350);
            assertThat(again.next().path("data").path("eventId").asLong()).isEqualTo(afterReconnect.eventId());
        }
    }

    @Test
    void aSilencedSocketMissesEventsThatTheHistoryKeeps() {
        try (SocketProbe socket = SocketProbe.subscribed(cloud, token)) {
            cloud.faults().silenceSockets(true);
            SimulatedEvent missed = cloud.emitEvent(1350);
            assertThat(socket.poll(QUIET)).isNull();
            assertThat(cloud.system().history().byId(missed.eventId())).isPresent();

            cloud.faults().silenceSockets(false);
            SimulatedEvent next = cloud.emitEvent(3350);
            assertThat(socket.next().path("data").path("eventId").asLong()).isEqualTo(next.eventId());
        }
    }

    @Test
    void aFrozenPeerAnswersNoPingsAndPushesNothing() {
        try (SocketProbe healthy = SocketProbe.subscribed(cloud, token)) {
            healthy.ping();
            assertThat(healthy.pollPong(Duration.ofSeconds(2))).isNotNull();

            cloud.faults().freezeSockets();
            healthy.ping();
            cloud.emitEvent(1301);
            assertThat(healthy.pollPong(QUIET)).isNull();
            assertThat(healthy.poll(QUIET)).isNull();
        }
    }
}
