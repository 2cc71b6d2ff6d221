package io.github.camelsmarthome.miio;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.camelsmarthome.miio.protocol.DeterministicSceneId;
import io.github.camelsmarthome.miio.protocol.EventInfo;
import io.github.camelsmarthome.miio.protocol.GatewayScenes;
import io.github.camelsmarthome.miio.protocol.MiioDeviceClient;
import io.github.camelsmarthome.miio.protocol.MiioSubscriptions;
import io.github.camelsmarthome.miio.protocol.SubscriptionPlan;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Talks to the endpoint's gateway without blocking, one operation per exchange:
 * <ul>
 *   <li>{@code send}: the miIO method (endpoint {@code method} or the CamelMiioPushMethod header)
 *       with the params (the CamelMiioPushParams header, else the body: a JSON array or object; no
 *       body means {@code []}); the device's {@code result} becomes the body as a Jackson
 *       {@link JsonNode}. Failures are {@code MiioDeviceException}s (DEVICE_ERROR, TIMEOUT,
 *       UNREACHABLE, INVALID_TOKEN ...).</li>
 *   <li>{@code subscribe}: installs the scene of one catalog event of one device, named by the
 *       CamelMiioPushDeviceId, CamelMiioPushModel and CamelMiioPushAction headers; the body becomes
 *       the scene id. The event then reaches a consumer of this gateway.</li>
 *   <li>{@code unsubscribe}: deletes that scene (CamelMiioPushDeviceId and CamelMiioPushAction).</li>
 * </ul>
 * Scenes a producer subscribes are not deleted when a consumer stops; unsubscribe them.
 */
public class MiioPushProducer extends DefaultAsyncProducer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MiioPushEndpoint endpoint;
    private MiioDeviceClient client;
    private GatewayScenes scenes;

    MiioPushProducer(MiioPushEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        operation(endpoint.getConfiguration().getOperation());
        client = endpoint.newClient();
        scenes = new GatewayScenes(client::send, endpoint.getGatewayHost());
    }

    @Override
    protected void doStop() throws Exception {
        if (client != null) {
            client.close();
            client = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<?> outcome;
        try {
            Message in = exchange.getMessage();
            String operation = operation(in.getHeader(MiioPushConstants.OPERATION, endpoint.getConfiguration().getOperation(),
                    String.class));
            outcome = switch (operation) {
                case "subscribe" -> subscribe(in);
                case "unsubscribe" -> unsubscribe(in);
                default -> send(in);
            };
        } catch (RuntimeException invalid) {
            exchange.setException(invalid);
            callback.done(true);
            return true;
        }
        outcome.whenComplete((ok, failure) -> {
            if (failure != null) {
                exchange.setException(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
            callback.done(false);
        });
        return false;
    }

    private CompletableFuture<JsonNode> send(Message in) {
        String method = in.getHeader(MiioPushConstants.METHOD, endpoint.getConfiguration().getMethod(), String.class);
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("miio-push:" + endpoint.getGatewayHost() + " send needs a method: set method="
                                               + " on the endpoint or the " + MiioPushConstants.METHOD + " header");
        }
        Object params = in.getHeader(MiioPushConstants.PARAMS);
        JsonNode node = params(params != null ? params : in.getBody());
        return client.send(method.trim(), node).thenApply(result -> {
            in.setBody(result);
            return result;
        });
    }

    private CompletableFuture<String> subscribe(Message in) {
        String sid = required(in, MiioPushConstants.DEVICE_ID, "subscribe");
        String model = required(in, MiioPushConstants.MODEL, "subscribe");
        String action = required(in, MiioPushConstants.ACTION, "subscribe");
        // the same checks as the consumer's subscriptions option: catalog, grammar, 49 characters
        List<EventInfo> events = MiioSubscriptions.parseSubscriptions(sid + ":" + model + ":" + action, endpoint.catalog());
        SubscriptionPlan plan = SubscriptionPlan.of(endpoint.gatewayKey(), events);
        String sceneId = plan.sceneIds().get(0);
        return scenes.install(endpoint.uploads(plan, endpoint.advertisedAddress())).thenApply(ok -> {
            in.setHeader(MiioPushConstants.SCENE_ID, sceneId);
            in.setBody(sceneId);
            return sceneId;
        });
    }

    private CompletableFuture<String> unsubscribe(Message in) {
        String sid = required(in, MiioPushConstants.DEVICE_ID, "unsubscribe");
        String action = required(in, MiioPushConstants.ACTION, "unsubscribe");
        String sceneId = DeterministicSceneId.of(endpoint.gatewayKey(), sid, action);
        return scenes.remove(List.of(sceneId)).thenApply(removal -> {
            if (!removal.remaining().isEmpty()) {
                throw new CompletionException(new IllegalStateException("miio-push:" + endpoint.getGatewayHost()
                        + ": scene " + sceneId + " of device " + sid + ", action '" + action
                        + "' could not be deleted (see the log for the gateway's answer)"));
            }
            in.setHeader(MiioPushConstants.SCENE_ID, sceneId);
            in.setBody(sceneId);
            return sceneId;
        });
    }

    private String required(Message in, String header, String operation) {
        String value = in.getHeader(header, String.class);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("miio-push:" + endpoint.getGatewayHost() + " " + operation + " needs the "
                                               + header + " header");
        }
        return value.trim();
    }

    private String operation(String name) {
        String operation = name == null ? "send" : name.trim().toLowerCase(Locale.ROOT);
        if (!List.of("send", "subscribe", "unsubscribe").contains(operation)) {
            throw new IllegalArgumentException("miio-push operation '" + name + "' is unknown: use send, subscribe or"
                                               + " unsubscribe");
        }
        return operation;
    }

    /**
     * The params as JSON: {@code null} or an empty text for none ({@code []}), a JsonNode as it is,
     * text parsed as JSON, anything else (List, Map) converted by Jackson. Only arrays and objects
     * are params.
     */
    static JsonNode params(Object value) {
        if (value == null) {
            return JsonNodeFactory.instance.arrayNode();
        }
        JsonNode node;
        if (value instanceof JsonNode json) {
            node = json;
        } else if (value instanceof byte[] || value instanceof String) {
            String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) value;
            if (text.isBlank()) {
                return JsonNodeFactory.instance.arrayNode();
            }
            try {
                node = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("miIO params must be a JSON array or object; the text given is not JSON");
            }
        } else {
            node = JSON.valueToTree(value);
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!node.isArray() && !node.isObject()) {
            throw new IllegalArgumentException("miIO params must be a JSON array or object, not a " + node.getNodeType());
        }
        return node;
    }
}
