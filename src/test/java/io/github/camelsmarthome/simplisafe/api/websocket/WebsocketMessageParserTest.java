package io.github.camelsmarthome.simplisafe.api.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.simplisafe.api.SimplisafeFixtures;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEventOrigin;
import io.github.camelsmarthome.simplisafe.api.websocket.WebsocketParseResult.SkipReason;
import io.github.camelsmarthome.simplisafe.api.websocket.WebsocketParseResult.Skipped;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Server messages of brief 6.3/6.4, assembled from the fixtures as simplipy's conftest does. */
class WebsocketMessageParserTest {

    private static final Instant RECEIVED = Instant.parse("2021-09-29T23:14:47Z");

    private final WebsocketMessageParser parser = new WebsocketMessageParser();

    @Test
    void helloKeepsTheTimeoutsButNotTheKey() {
        String frame = SimplisafeFixtures.frame(WebsocketMessage.HELLO, "service",
                SimplisafeFixtures.json("ws_message_hello_data.json"));

        WebsocketMessage.Hello hello = message(frame, WebsocketMessage.Hello.class);

        assertThat(hello.heartbeat()).isEqualTo(Duration.ofSeconds(45));
        assertThat(hello.inactivity()).isEqualTo(Duration.ofSeconds(30));
        assertThat(hello.envelope()).isEqualTo(new WebsocketEnvelope(WebsocketMessage.HELLO, "service", "id:16803409109",
                Instant.parse("2021-09-29T23:14:46Z"), "1.0"));
        assertThat(hello.toString()).doesNotContain("AbCdEfgHiK");
    }

    @Test
    void helloWithoutDataIsStillHello() {
        WebsocketMessage.Hello hello = message(SimplisafeFixtures.frame(WebsocketMessage.HELLO, "service", null),
                WebsocketMessage.Hello.class);

        assertThat(hello.heartbeat()).isNull();
    }

    @Test
    void registeredHasNoData() {
        WebsocketMessage.Registered registered = message(
                SimplisafeFixtures.frame(WebsocketMessage.REGISTERED, "service", null), WebsocketMessage.Registered.class);

        assertThat(registered.envelope().type()).isEqualTo("com.simplisafe.service.registered");
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.simplisafe.namespace.subscribed", "com.simplisafe.service.subscribed"})
    void bothSubscribedTypesCount(String type) {
        WebsocketMessage.Subscribed subscribed = message(SimplisafeFixtures.frame(type, "service",
                SimplisafeFixtures.json("ws_message_subscribed_data.json")), WebsocketMessage.Subscribed.class);

        assertThat(subscribed.namespace()).isEqualTo("uid:428836");
    }

    @Test
    void theEventFixtureBecomesARealtimeEvent() {
        WebsocketMessage.Event message = message(
                SimplisafeFixtures.eventFrame(SimplisafeFixtures.json("ws_message_event_data.json")), WebsocketMessage.Event.class);

        SimplisafeEvent event = message.event();
        assertThat(event.type()).isEqualTo("disarmed_by_keypad");
        assertThat(event.systemId()).isEqualTo(12345L);
        assertThat(event.time()).isEqualTo(Instant.parse("2021-09-29T23:14:46Z"));
        assertThat(event.changedBy()).isEqualTo("Master PIN");
        assertThat(event.origin()).isEqualTo(SimplisafeEventOrigin.REALTIME);
        assertThat(event.receivedAt()).isEqualTo(RECEIVED);
        assertThat(message.envelope().source()).isEqualTo("messagequeue");
    }

    @Test
    void theMotionFixturesBecomeCameraEventsWithMedia() {
        SimplisafeEvent hls = message(SimplisafeFixtures.eventFrame(SimplisafeFixtures.json("ws_motion_event_data.json")),
                WebsocketMessage.Event.class).event();
        SimplisafeEvent flv = message(SimplisafeFixtures.eventFrame(SimplisafeFixtures.json("ws_motion_event_flv_data.json")),
                WebsocketMessage.Event.class).event();

        assertThat(hls.type()).isEqualTo("camera_motion_detected");
        assertThat(hls.mediaUrls().hlsUrl()).isEqualTo("https://hls-url");
        assertThat(flv.mediaUrls().hlsUrl()).isNull();
        assertThat(flv.mediaUrls().flvUrl()).isEqualTo("https://flv-url");
    }

    @Test
    void theEnvelopeSuppliesIdAndTimeAnEventObjectLacks() {
        ObjectNode data = SimplisafeFixtures.object("ws_message_event_data.json");
        data.remove("eventId");
        data.remove("eventTimestamp");

        SimplisafeEvent event = message(SimplisafeFixtures.eventFrame(data), WebsocketMessage.Event.class).event();

        assertThat(event.id()).isEqualTo("id:16803409109");
        assertThat(event.time()).isEqualTo(Instant.parse("2021-09-29T23:14:46Z"));
    }

    @Test
    void anEnvelopeIdThatIsNotAnEventIdIsNotUsedAsOne() {
        ObjectNode data = SimplisafeFixtures.object("ws_message_event_data.json");
        data.remove("eventId");
        ObjectNode frame = (ObjectNode) SimplisafeFixtures.tree(SimplisafeFixtures.eventFrame(data));
        frame.put("id", "ts:1709404691910");

        SimplisafeEvent event = message(frame.toString(), WebsocketMessage.Event.class).event();

        assertThat(event.eventId()).isNull();
        assertThat(event.id()).hasSize(32);
    }

    @Test
    void anUnknownTypeIsSkipped() {
        WebsocketParseResult result = parser.parse(SimplisafeFixtures.frame("com.simplisafe.event.camera", "messagequeue",
                SimplisafeFixtures.json("ws_message_event_data.json")), RECEIVED);

        assertThat(result).isEqualTo(new Skipped(SkipReason.UNKNOWN_TYPE, "com.simplisafe.event.camera"));
        assertThat(result.describe()).isEqualTo("skipped com.simplisafe.event.camera: unknown message type");
    }

    @Test
    void anEchoedIdentifyIsSkippedAndItsTokenNeverAppearsInTheReason() {
        String token = "eyJhbGciOiJSUzI1NiJ9.secret-access-token";
        String identify = "{\"datacontenttype\":\"application/json\",\"type\":\"com.simplisafe.connection.identify\","
                + "\"time\":\"2024-03-02T18:38:11.910Z\",\"id\":\"ts:1709404691910\",\"specversion\":\"1.0\","
                + "\"source\":\"Mozilla/5.0\",\"data\":{\"auth\":{\"schema\":\"bearer\",\"token\":\"" + token + "\"},"
                + "\"join\":[\"uid:12345\"]}}";

        WebsocketParseResult result = parser.parse(identify, RECEIVED);

        assertThat(result).isEqualTo(new Skipped(SkipReason.CLIENT_MESSAGE, WebsocketMessage.IDENTIFY));
        assertThat(result.describe()).doesNotContain(token).doesNotContain("secret");
    }

    @Test
    void aTypeThatCouldBeAnythingIsNotPrinted() {
        String token = "Bearer abc/def+ghi=";
        WebsocketParseResult result = parser.parse("{\"type\":\"" + token + "\"}", RECEIVED);

        assertThat(result).isEqualTo(new Skipped(SkipReason.UNKNOWN_TYPE, "(unprintable)"));
        assertThat(result.describe()).doesNotContain("abc");
    }

    private <T extends WebsocketMessage> T message(String frame, Class<T> type) {
        WebsocketParseResult result = parser.parse(frame, RECEIVED);
        assertThat(result).isInstanceOf(WebsocketParseResult.Message.class);
        return type.cast(((WebsocketParseResult.Message) result).message());
    }
}
