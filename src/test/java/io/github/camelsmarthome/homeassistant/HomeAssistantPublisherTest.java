package io.github.camelsmarthome.homeassistant;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventType;
import io.github.camelsmarthome.homeassistant.discovery.DiscoveryMessage;
import io.github.camelsmarthome.homeassistant.discovery.DiscoveryOptions;
import io.github.camelsmarthome.homeassistant.discovery.HomeAssistantDiscovery;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Constants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HomeAssistantPublisherTest {

    private final CamelContext context = new DefaultCamelContext();
    private final HomeAssistantPublisher publisher = new HomeAssistantPublisher(
            new HomeAssistantDiscovery(DiscoveryOptions.defaults("1.0")), new ObjectMapper(), Duration.ofMillis(2000),
            Duration.ofMillis(15000));

    @AfterEach
    void stop() throws Exception {
        context.close();
    }

    @Test
    void aDiscoveryMessageBecomesThePayloadAndTheProducersTopicRetainedAndQosHeaders() {
        Exchange exchange = new DefaultExchange(context);
        exchange.getIn().setBody(DiscoveryMessage.transientEvent("camel-smarthome/miio/x/event", "{\"event_type\":\"click\"}"));
        exchange.getIn().setHeader(PahoMqtt5Constants.CAMEL_PAHO_MSG_PROPERTIES, "from the incoming message");

        publisher.toMqtt(exchange);

        assertThat(new String(exchange.getIn().getBody(byte[].class), StandardCharsets.UTF_8)).isEqualTo("{\"event_type\":\"click\"}");
        assertThat(exchange.getIn().getHeaders()).containsEntry(PahoMqtt5Constants.CAMEL_PAHO_OVERRIDE_TOPIC, "camel-smarthome/miio/x/event")
                .containsEntry(PahoMqtt5Constants.CAMEL_PAHO_MSG_RETAINED, false).containsEntry(PahoMqtt5Constants.CAMEL_PAHO_MSG_QOS, 1)
                .doesNotContainKey(PahoMqtt5Constants.CAMEL_PAHO_MSG_PROPERTIES);
    }

    private static HomeAssistantPublisher publisherWithJavaTime() {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return new HomeAssistantPublisher(new HomeAssistantDiscovery(DiscoveryOptions.defaults("1.0")), json,
                Duration.ofMillis(2000), Duration.ofMillis(15000));
    }

    @Test
    void asAProcessorTheEventBodyBecomesItsMessagesWithTheApplianceTypeOfTheHeader() {
        HomeConnectEvent event = HomeConnectEvent.of("SIEMENS-HB676G5S6-68A40E000001", HomeConnectEventType.CONNECTED,
                List.of(), "{}", Instant.parse("2026-05-04T07:12:03Z"));
        Exchange exchange = new DefaultExchange(context);
        exchange.getIn().setBody(event);
        exchange.getIn().setHeader(HomeAssistantPublisher.APPLIANCE_TYPE_HEADER, "Oven");

        publisherWithJavaTime().eventToMessages(exchange);

        List<?> messages = exchange.getIn().getBody(List.class);
        assertThat(messages).isEqualTo(publisherWithJavaTime().onEvent(event, "Oven"));
        assertThat(messages).map(message -> ((DiscoveryMessage) message).payload()).anyMatch(p -> p.contains("\"model\":\"Oven\""));
    }

    @Test
    void asAProcessorABodyThatIsNoEventIsRefusedWithItsType() {
        Exchange exchange = new DefaultExchange(context);
        exchange.getIn().setBody("not an event");

        assertThatThrownBy(() -> publisher.eventToMessages(exchange)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void theBirthDelayIsWithinTheConfiguredRange() {
        for (int i = 0; i < 200; i++) {
            assertThat(publisher.birthDelayMillis(new DefaultExchange(context))).isBetween(2000L, 15000L);
        }
    }

    @Test
    void birthsThatArriveBeforeARepublicationAreAnsweredByIt() {
        Exchange first = new DefaultExchange(context);
        Exchange second = new DefaultExchange(context);
        publisher.birthDelayMillis(first);
        publisher.birthDelayMillis(second);

        List<DiscoveryMessage> answer = publisher.republishAfterBirth(first);

        assertThat(answer).isNotEmpty();
        assertThat(publisher.republishAfterBirth(second)).isEmpty();
    }

    @Test
    void aBirthAfterTheLastRepublicationIsAnsweredAgain() {
        Exchange first = new DefaultExchange(context);
        publisher.birthDelayMillis(first);
        publisher.republishAfterBirth(first);
        Exchange later = new DefaultExchange(context);
        publisher.birthDelayMillis(later);

        assertThat(publisher.republishAfterBirth(later)).isNotEmpty();
    }

    @Test
    void aMaximumBelowTheMinimumIsRefused() {
        assertThatThrownBy(() -> new HomeAssistantPublisher(new HomeAssistantDiscovery(DiscoveryOptions.defaults("1.0")),
                new ObjectMapper(), Duration.ofSeconds(5), Duration.ofSeconds(1))).hasMessageContaining("min <= max");
    }
}
