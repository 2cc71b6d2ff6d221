package io.github.camelsmarthome.homeconnect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.homeconnect.api.BudgetSnapshot;
import io.github.camelsmarthome.homeconnect.api.HomeConnectOperation;
import io.github.camelsmarthome.homeconnect.api.HomeConnectRequest;
import io.github.camelsmarthome.homeconnect.api.HomeConnectResponse;
import io.github.camelsmarthome.homeconnect.api.RequestPriority;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Calls one Home Connect REST operation per exchange, without blocking: the answer's {@code data}
 * becomes the body (a Jackson {@link JsonNode}; image bytes for getImage), with the HTTP status and
 * the remaining request budget as headers. Failures are the client's named exceptions
 * (ApplianceOfflineException, RateLimitedException, ProgramStartRefusedException ...).
 *
 * <p>What the body means for writes: setSetting and the set*Option operations take the value
 * (or the CamelHomeConnectValue header; a JSON object such as {@code {"value":1200,"unit":"seconds"}}
 * is sent as it is); startProgram and selectProgram take the options (a JSON array, or an object
 * with {@code options}) or nothing; set*ProgramOptions take the options array; setSettings and
 * executeCommands the list of {@code {key, value}}; executeCommand nothing (a JSON object body is
 * sent as the command, any other body is ignored).
 *
 * <p>Which account calls: with {@code accountsDir}, the one the {@code CamelHomeConnectAccount}
 * header names (refused when the folder has no such token store), else the account of the folder
 * whose event stream knows the appliance (commands from Home Assistant name only the appliance),
 * else the endpoint's own account (its client id's). The account used is in the answer's
 * {@code CamelHomeConnectAccount} header.
 */
public class HomeConnectProducer extends DefaultAsyncProducer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HomeConnectEndpoint endpoint;
    private HomeConnectAccount account;

    HomeConnectProducer(HomeConnectEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        account = endpoint.account();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        HomeConnectRequest request;
        HomeConnectAccount caller;
        try {
            request = request(exchange.getMessage());
            caller = accountFor(exchange.getMessage(), request.haId());
        } catch (RuntimeException invalid) {
            exchange.setException(invalid);
            callback.done(true);
            return true;
        }
        caller.client().execute(request).whenComplete((response, failure) -> {
            if (failure != null) {
                exchange.setException(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
            } else {
                answer(exchange.getMessage(), response);
                exchange.getMessage().setHeader(HomeConnectConstants.ACCOUNT, caller.name());
            }
            callback.done(false);
        });
        return false;
    }

    /** The account that makes the call (see the class comment). */
    HomeConnectAccount accountFor(Message in, String haId) {
        if (!endpoint.hasAccountsFolder()) {
            return account;
        }
        String named = in.getHeader(HomeConnectConstants.ACCOUNT, String.class);
        try {
            if (named != null && !named.isBlank()) {
                return endpoint.namedFolderAccount(named.trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("homeconnect:" + endpoint.getOperation() + ": the account " + named
                                           + " of accountsDir could not be opened", e);
        }
        return haId == null ? account : endpoint.folderAccountWithAppliance(haId).orElse(account);
    }

    HomeConnectRequest request(Message in) {
        HomeConnectConfiguration configuration = endpoint.getConfiguration();
        String operationName = in.getHeader(HomeConnectConstants.OPERATION, endpoint.getOperation(), String.class);
        HomeConnectOperation operation = HomeConnectOperation.fromName(operationName);
        String haId = in.getHeader(HomeConnectConstants.HA_ID, configuration.getHaId(), String.class);
        String key = in.getHeader(HomeConnectConstants.KEY, configuration.getKey(), String.class);
        // The client would refuse these too, but without saying where a route sets them.
        if (operation.needsHaId() && (haId == null || haId.isBlank())) {
            throw new IllegalArgumentException("homeconnect:" + operation + " needs the appliance id: set haId= on the endpoint"
                                               + " or the " + HomeConnectConstants.HA_ID + " header");
        }
        if (operation.needsKey() && (key == null || key.isBlank())) {
            throw new IllegalArgumentException("homeconnect:" + operation + " needs a key (" + operation.keyName()
                                               + "): set key= on the endpoint or the " + HomeConnectConstants.KEY + " header");
        }
        HomeConnectRequest.Builder builder = HomeConnectRequest.builder(operation).haId(haId).key(key)
                .priority(RequestPriority.HIGH).data(data(operation, key, in));
        if (configuration.getLanguage() != null && !configuration.getLanguage().isBlank()) {
            builder.acceptLanguage(configuration.getLanguage());
        }
        return builder.build();
    }

    private static JsonNode data(HomeConnectOperation operation, String key, Message in) {
        return switch (operation) {
            case setSetting, setActiveProgramOption, setSelectedProgramOption -> value(in);
            case startProgram, selectProgram -> program(key, in);
            case setActiveProgramOptions, setSelectedProgramOptions -> options(in);
            case setSettings, executeCommands -> json(in.getBody());
            case executeCommand -> command(in);
            default -> null;
        };
    }

    /** A single-key write: {@code {"value": ...}} (the client adds the key), or the object given. */
    private static JsonNode value(Message in) {
        Object value = in.getHeader(HomeConnectConstants.VALUE);
        JsonNode node = json(value != null ? value : in.getBody());
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("no value to write: put it in the body or the " + HomeConnectConstants.VALUE + " header");
        }
        if (node.isObject() && node.has("value")) {
            return node;
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.set("value", node);
        return data;
    }

    /**
     * A command object given as the body, or nothing: the client then sends {@code {"key": <command>,
     * "value": true}}. Any other body (Home Assistant's button payload {@code PRESS}, an event left
     * over from an earlier step) is not the command's data and must not be sent as such.
     */
    private static JsonNode command(Message in) {
        JsonNode body = json(in.getBody());
        return body != null && body.isObject() ? body : null;
    }

    /** {@code {"key": <program>, "options": [...]}}; the program key is not part of the path. */
    private static JsonNode program(String key, Message in) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("no program key: set key= on the endpoint or the " + HomeConnectConstants.KEY + " header");
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("key", key);
        JsonNode body = json(in.getBody());
        JsonNode options = body == null ? null : body.isArray() ? body : body.get("options");
        if (options != null && options.isArray()) {
            data.set("options", options);
        }
        return data;
    }

    private static JsonNode options(Message in) {
        JsonNode body = json(in.getBody());
        JsonNode options = body == null ? null : body.isArray() ? body : body.get("options");
        if (options == null || !options.isArray()) {
            throw new IllegalArgumentException("the body must be the options: a JSON array of {key, value}");
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.set("options", options);
        return data;
    }

    /**
     * The body as JSON: a JsonNode as it is, a String parsed as JSON (or taken as a JSON string
     * when it is not JSON: an enum key such as BSH.Common.EnumType.PowerState.On), anything else
     * converted by Jackson.
     */
    static JsonNode json(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof JsonNode node) {
            return node;
        }
        if (body instanceof byte[] bytes) {
            body = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        if (body instanceof String text) {
            String trimmed = text.trim();
            if (trimmed.isEmpty()) {
                return null;
            }
            try {
                return JSON.readTree(trimmed);
            } catch (JsonProcessingException notJson) {
                return JsonNodeFactory.instance.textNode(text);
            }
        }
        return JSON.valueToTree(body);
    }

    private static void answer(Message out, HomeConnectResponse response) {
        out.setHeader(HomeConnectConstants.HTTP_STATUS, response.status());
        BudgetSnapshot budget = response.budget();
        if (budget != null) {
            out.setHeader(HomeConnectConstants.BUDGET_REMAINING_DAY, budget.dailyRemaining());
            out.setHeader(HomeConnectConstants.BUDGET_REMAINING_MINUTE, budget.minuteRemaining());
        }
        if (response.bytes() != null) {
            out.setBody(response.bytes());
            if (response.contentType() != null) {
                out.setHeader(Exchange.CONTENT_TYPE, response.contentType());
            }
        } else {
            out.setBody(response.data());
        }
    }
}
