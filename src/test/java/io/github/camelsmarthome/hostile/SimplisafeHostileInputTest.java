package io.github.camelsmarthome.hostile;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEventReader;
import io.github.camelsmarthome.simplisafe.api.rest.ArmResponseMapper;
import io.github.camelsmarthome.simplisafe.api.rest.EventHistoryMapper;
import io.github.camelsmarthome.simplisafe.api.rest.SensorsMapper;
import io.github.camelsmarthome.simplisafe.api.rest.SettingsMapper;
import io.github.camelsmarthome.simplisafe.api.rest.SubscriptionsMapper;
import io.github.camelsmarthome.simplisafe.api.websocket.WebsocketMessageParser;
import io.github.camelsmarthome.simplisafe.api.websocket.WebsocketParseResult;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SimpliSafe's parsers against generated hostile input (design 8): the websocket message parser
 * answers every frame with a result and never throws; the REST mappers map what they can and never
 * throw, whatever the JSON. Tries: 300 per property in every build, 100,000 with {@code -Pfuzz}.
 */
class SimplisafeHostileInputTest {

    private static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");

    private final WebsocketMessageParser parser = new WebsocketMessageParser(64 * 1024, new SimplisafeEventReader());
    private final SubscriptionsMapper subscriptions = new SubscriptionsMapper();
    private final SensorsMapper sensors = new SensorsMapper();
    private final EventHistoryMapper history = new EventHistoryMapper();
    private final SettingsMapper settings = new SettingsMapper();
    private final ArmResponseMapper arming = new ArmResponseMapper();

    @Provide
    Arbitrary<JsonNode> json() {
        return HostileInputs.json();
    }

    @Provide
    Arbitrary<String> damaged() {
        return HostileInputs.damagedJson();
    }

    @Property
    void everyWebsocketFrameGetsAResult(@ForAll("damaged") String frame) {
        WebsocketParseResult result = parser.parse(frame, NOW);
        assertThat(result).isNotNull();
        assertThat(result.describe()).isNotNull().doesNotContain("\n");
    }

    @Property
    void everyEnvelopeShapeGetsAResult(@ForAll("json") JsonNode data) {
        String frame = "{\"type\":\"com.simplisafe.event.standard\",\"specversion\":\"1.0\",\"id\":\"id:1\",\"data\":" + data + "}";
        assertThat(parser.parse(frame, NOW)).isNotNull();
    }

    @Property
    void theRestMappersNeverThrow(@ForAll("json") JsonNode body) {
        subscriptions.systems(body);
        sensors.readout(body, 12345);
        history.page(body, 12345, NOW);
        settings.settings(body);
        arming.response(body);
    }

    @Property
    void theRestMappersNeverThrowOnASubscriptionsBodyWithHostileParts(@ForAll("json") JsonNode system,
            @ForAll("json") JsonNode location) {
        JsonNode body = HostileShapes.subscriptions(system, location);
        subscriptions.systems(body);
        subscriptions.usableSystems(body);
    }
}
