package io.github.camelsmarthome.kafka;

import java.util.Objects;

import io.github.camelsmarthome.event.DeviceEvent;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * The step of a route to Kafka that replaces the message's {@link DeviceEvent} body with its
 * CloudEvents JSON as UTF-8 bytes ({@link CloudEventMapper#toJsonBytes}), the last segment of
 * {@code source} taken from a header the consumer sets (the account or the gateway), and keys the
 * record with the CloudEvent's {@code subject}, the device ({@code kafka.KEY}; design, section 4).
 *
 * <p>The key is set here rather than by a {@code setHeader} step in the route because every step
 * under the routes' retrying error handler costs a defensive copy of the exchange (issue #8), and
 * because the subject and the key are the same fact. A route that wants another key sets
 * {@code kafka.KEY} after this step.
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
        message.setBody(mapper.toJsonBytes(event, message.getHeader(originHeader, String.class)));
        message.setHeader(KafkaConstants.KEY, event.deviceId());
    }

    @Override
    public String toString() {
        return "CloudEventProcessor[source from " + originHeader + "]";
    }
}
