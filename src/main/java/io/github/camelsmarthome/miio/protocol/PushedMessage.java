package io.github.camelsmarthome.miio.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * One event request a gateway pushed to the fake device (brief section 6.7 step 4), as the push
 * server received it; the consumer turns it into a {@link MiioPushEvent} body.
 *
 * @param gateway      the address the datagram came from; identifies the gateway
 * @param messageId    the request id chosen by the gateway, echoed in the ack
 * @param method       the full method as received, e.g. {@code click_ch0:lumi_158d0001a2b3c4}
 * @param action       the part before the last {@code :}, e.g. {@code click_ch0}
 * @param sourceDevice the part after the last {@code :} with every {@code _} turned into {@code .},
 *                     e.g. {@code lumi.158d0001a2b3c4}; the gateway did means the gateway itself
 * @param params       the {@code params} value, or a JSON null when the request had none
 * @param receivedAt   when the datagram arrived
 */
public record PushedMessage(InetAddress gateway, long messageId, String method, String action, String sourceDevice,
        JsonNode params, Instant receivedAt) {

    /** Checks that nothing is missing. */
    public PushedMessage {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(sourceDevice, "sourceDevice");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
