package io.github.camelsmarthome.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Constants;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.SimpleEventNotifierSupport;

/**
 * What reaches the brokers, per system and sink: {@code smarthome.events.out} (a Kafka record, or
 * the MQTT message on {@code <base>/<system>/<deviceId>/event}: one per event on either sink) and
 * {@code smarthome.messages.out} (every message the sink accepted, discovery, state and
 * availability included). Counted from Camel's "exchange sent" notification, which comes after the
 * {@code to} step finished: only successful sends count, retries of a failed one count once, and
 * the routes (YAML or XML) need no extra step. The system is the component the route starts from
 * ({@code homeconnect:}, {@code simplisafe:}, {@code miio-push:}); sends of other routes are not
 * counted.
 */
final class EventFlowMetrics extends SimpleEventNotifierSupport {

    /** The schemes routes start from, and the system each is. */
    static final Map<String, String> SYSTEMS = Map.of("homeconnect", "homeconnect", "simplisafe", "simplisafe", "miio-push", "miio");
    /** The sink schemes counted: Kafka, the bridge's MQTT connection and plain Paho endpoints. */
    static final Map<String, String> SINKS = Map.of("kafka", "kafka", "smarthome-mqtt", "mqtt", "paho-mqtt5", "mqtt", "paho", "mqtt");

    private final CamelContext context;
    private final Map<String, String> systems;
    private final Map<String, String> sinks;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;

    EventFlowMetrics(CamelContext context) {
        this(context, SYSTEMS, SINKS);
    }

    EventFlowMetrics(CamelContext context, Map<String, String> systems, Map<String, String> sinks) {
        this.context = context;
        this.systems = Map.copyOf(systems);
        this.sinks = Map.copyOf(sinks);
        // Camel 4 notifiers ignore exchange events unless told otherwise; only sends are wanted.
        setIgnoreExchangeEvents(false);
        setIgnoreExchangeSendingEvents(false);
        setIgnoreExchangeSentEvents(false);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        // Camel sends "sent" only to a send whose "sending" someone wanted, so both are taken.
        return event instanceof CamelEvent.ExchangeSendingEvent || event instanceof CamelEvent.ExchangeSentEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (!(event instanceof CamelEvent.ExchangeSentEvent sent)) {
            return;
        }
        Exchange exchange = sent.getExchange();
        if (exchange.isFailed()) {
            return;
        }
        String sink = sinks.get(scheme(sent.getEndpoint()));
        String system = exchange.getFromEndpoint() == null ? null : systems.get(scheme(exchange.getFromEndpoint()));
        if (sink == null || system == null) {
            return;
        }
        MeterRegistry meters = registry();
        if (meters == null) {
            return;
        }
        counter(meters, "smarthome.messages.out", system, sink, "messages the sink accepted").increment();
        if (sink.equals("kafka") || isEventTopic(exchange)) {
            counter(meters, "smarthome.events.out", system, sink, "events the sink accepted (one per event and sink)").increment();
        }
    }

    private Counter counter(MeterRegistry meters, String name, String system, String sink, String description) {
        return counters.computeIfAbsent(name + '|' + system + '|' + sink, key -> Counter.builder(name).description(description)
                .tag("system", system).tag("sink", sink).register(meters));
    }

    private MeterRegistry registry() {
        MeterRegistry found = registry;
        if (found == null) {
            found = context.getRegistry().findSingleByType(MeterRegistry.class);
            registry = found;
        }
        return found;
    }

    private static boolean isEventTopic(Exchange exchange) {
        String topic = exchange.getMessage().getHeader(PahoMqtt5Constants.CAMEL_PAHO_OVERRIDE_TOPIC, String.class);
        return topic != null && topic.endsWith("/event");
    }

    private static String scheme(Endpoint endpoint) {
        String uri = endpoint.getEndpointUri();
        int colon = uri.indexOf(':');
        return colon < 0 ? uri : uri.substring(0, colon);
    }
}
