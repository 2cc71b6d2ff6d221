package io.github.camelsmarthome.app;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.direct.DirectComponent;
import org.apache.camel.component.mock.MockComponent;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Constants;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * smarthome.events.out and smarthome.messages.out count what the sinks accepted, per system (the
 * component the route starts from) and sink. The sinks and sources here are stand-ins registered
 * under the real schemes ({@code homeconnect} is a direct endpoint, {@code kafka} and
 * {@code smarthome-mqtt} are mocks), since only the schemes decide.
 */
class EventFlowMetricsTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private CamelContext context;
    private ProducerTemplate template;

    @BeforeEach
    void startRoutes() throws Exception {
        context = new DefaultCamelContext();
        context.getRegistry().bind("meters", registry);
        context.addComponent("homeconnect-stub", new DirectComponent());
        context.addComponent("miio-stub", new DirectComponent());
        context.addComponent("kafka-stub", new MockComponent());
        context.addComponent("mqtt-stub", new MockComponent());
        context.getManagementStrategy().addEventNotifier(new EventFlowMetrics(context,
                Map.of("homeconnect-stub", "homeconnect", "miio-stub", "miio"), Map.of("kafka-stub", "kafka", "mqtt-stub", "mqtt")));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("homeconnect-stub:events").to("kafka-stub:events").to("mqtt-stub:out").to("mock:other");
                from("miio-stub:gateway").to("mqtt-stub:out");
                from("direct:elsewhere").to("kafka-stub:events");
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void aKafkaRecordCountsAsAnEventOutAndAMessageOutOfItsSystem() {
        template.sendBody("homeconnect-stub:events", "event");

        assertThat(count("smarthome.events.out", "homeconnect", "kafka")).isEqualTo(1);
        assertThat(count("smarthome.messages.out", "homeconnect", "kafka")).isEqualTo(1);
    }

    @Test
    void onMqttOnlyTheMessageOnTheEventTopicCountsAsAnEventEveryMessageCountsAsAMessage() {
        template.sendBodyAndHeader("miio-stub:gateway", "state", PahoMqtt5Constants.CAMEL_PAHO_OVERRIDE_TOPIC,
                "camel-smarthome/miio/lumi_1/state");
        template.sendBodyAndHeader("miio-stub:gateway", "event", PahoMqtt5Constants.CAMEL_PAHO_OVERRIDE_TOPIC,
                "camel-smarthome/miio/lumi_1/event");

        assertThat(count("smarthome.events.out", "miio", "mqtt")).isEqualTo(1);
        assertThat(count("smarthome.messages.out", "miio", "mqtt")).isEqualTo(2);
    }

    @Test
    void aSendTheSinkRefusedIsNotCounted() {
        context.getEndpoint("kafka-stub:events", MockEndpoint.class).whenAnyExchangeReceived(exchange -> {
            throw new IllegalStateException("broker down");
        });

        template.send("homeconnect-stub:events", exchange -> exchange.getMessage().setBody("event"));

        assertThat(registry.find("smarthome.events.out").counter()).isNull();
    }

    @Test
    void routesThatDoNotStartAtASmarthomeComponentAndOtherSinksAreNotCounted() {
        template.sendBody("direct:elsewhere", "not an event");
        template.sendBody("homeconnect-stub:events", "event");

        assertThat(registry.find("smarthome.events.out").counters()).singleElement()
                .satisfies(counter -> assertThat(counter.getId().getTag("sink")).isEqualTo("kafka"));
        assertThat(registry.find("smarthome.messages.out").tag("sink", "mock").counter()).isNull();
        assertThat(count("smarthome.messages.out", "homeconnect", "kafka")).isEqualTo(1);
    }

    private double count(String name, String system, String sink) {
        return registry.get(name).tag("system", system).tag("sink", sink).counter().count();
    }
}
