package io.github.camelsmarthome.kafka;

import java.util.Objects;

import io.github.camelsmarthome.event.DeviceEvent;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * The step of a route to Kafka that replaces the message's {@link DeviceEvent} body with its
 * CloudEvents JSON ({@link CloudEventMapper#toJson}), the last segment of {@code source} taken from
 * a header the consumer sets (the account or the gateway).
 *
 * <p>A plain processor, because it runs once per event on the busiest path of the bundle: the same
 * step as a bean method call with parameter expressions ({@code toJson(${body}, ${header.X})})
 * spent a quarter of the route's time in Camel's bean binding (issue #8, docs/benchmarks.md).
 */
public final class CloudEventProcessor implements Processor {

    private final CloudEventMapper mapper;
    private final String originHeader;

    /**
     * @param mapper       writes the JSON
     * @param originHeader the header that names the account or the gateway the event came through,
     *                     e.g. {@code CamelHomeConnectAccount}
     */
    public CloudEventProcessor(CloudEventMapper mapper, String originHeader) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.originHeader = Objects.requireNonNull(originHeader, "originHeader");
    }

    @Override
    public void process(Exchange exchange) throws InvalidPayloadException {
        Message message = exchange.getMessage();
        DeviceEvent event = message.getMandatoryBody(DeviceEvent.class);
        message.setBody(mapper.toJson(event, message.getHeader(originHeader, String.class)));
    }

    @Override
    public String toString() {
        return "CloudEventProcessor[source from " + originHeader + "]";
    }
}
