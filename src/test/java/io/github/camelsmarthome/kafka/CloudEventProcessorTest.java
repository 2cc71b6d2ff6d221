package io.github.camelsmarthome.kafka;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.camelsmarthome.event.DeviceEvent;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventProcessorTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final CloudEventMapper mapper = new CloudEventMapper(json);
    private final CloudEventProcessor processor = new CloudEventProcessor(mapper, "CamelHomeConnectAccount");

    @Test
    void replacesTheEventBodyWithItsCloudEventBytesWhoseSourceEndsWithTheOriginHeaderAndKeysItByTheDevice() throws Exception {
        DeviceEvent event = CloudEventMapperTest.decodedHomeConnectEvent();
        Exchange exchange = exchangeWith(event);
        exchange.getMessage().setHeader("CamelHomeConnectAccount", "homeconnect-1a2b");
        exchange.getMessage().setHeader("CamelMiioPushGateway", "not-this-one");

        processor.process(exchange);

        assertThat(exchange.getMessage().getBody()).isInstanceOf(byte[].class);
        assertThat(new String(exchange.getMessage().getBody(byte[].class), StandardCharsets.UTF_8))
                .isEqualTo(mapper.toJson(event, "homeconnect-1a2b"));
        assertThat(json.readTree(exchange.getMessage().getBody(byte[].class)).path("source").asText())
                .isEqualTo("/camel-smarthome/homeconnect/homeconnect-1a2b");
        assertThat(exchange.getMessage().getHeader("kafka.KEY")).isEqualTo(event.deviceId())
                .isEqualTo(json.readTree(exchange.getMessage().getBody(byte[].class)).path("subject").asText());
    }

    @Test
    void aBodyThatIsNotAnEventIsRefusedNamingTheTypeItWanted() {
        Exchange exchange = exchangeWith("a text that is no event");

        assertThatThrownBy(() -> processor.process(exchange)).isInstanceOf(InvalidPayloadException.class)
                .hasMessageContaining(DeviceEvent.class.getName());
    }

    private static Exchange exchangeWith(Object body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(body);
        return exchange;
    }
}
