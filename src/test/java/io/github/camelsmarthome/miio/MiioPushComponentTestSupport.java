package io.github.camelsmarthome.miio;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.github.camelsmarthome.miio.protocol.MiioPushEvent;
import io.github.camelsmarthome.miio.protocol.MiioPushServerStats;
import io.github.camelsmarthome.simulator.miio.FakeGateway;
import io.github.camelsmarthome.simulator.miio.FakeGatewayOptions;
import io.github.camelsmarthome.simulator.miio.ReceivedRequest;
import io.github.camelsmarthome.simulator.miio.StoredScene;
import io.github.camelsmarthome.testing.FreePorts;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.awaitility.Awaitility.await;

/**
 * Given a fake gateway on 127.0.0.2 (free port, a paired wireless switch) that pushes to port
 * {@link #serverPort} of 127.0.0.1, and a {@code miio-push:} component configured the way a user
 * does it (token, devices) plus the loopback addresses and short timeouts of a test. The push
 * server binds 127.0.0.1 only, so the advertised address is 127.0.0.1.
 */
abstract class MiioPushComponentTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final String TOKEN = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    static final String GATEWAY_HOST = "127.0.0.2";
    static final String SWITCH = "lumi.158d0001a2b3c4";
    static final String SWITCH_MODEL = "lumi.sensor_switch.aq2";
    static final List<String> SWITCH_ACTIONS = List.of("l_click_ch0", "click_ch0", "d_click_ch0");
    static final String ROUTE = "miio";

    protected FakeGateway gateway;
    protected int serverPort;
    protected CamelContext context;
    private final List<CamelContext> contexts = new ArrayList<>();

    /** The fake gateway's options; tests may change them before it starts. */
    protected FakeGatewayOptions.Builder gatewayOptions(FakeGatewayOptions.Builder builder) {
        return builder;
    }

    @BeforeEach
    void startGateway() {
        serverPort = FreePorts.find();
        gateway = FakeGateway.start(gatewayOptions(FakeGatewayOptions.builder()
                .bindAddress(GATEWAY_HOST).port(0).token(TOKEN).targetPort(serverPort)
                .keepaliveInterval(Duration.ofMillis(200)).ackTimeout(Duration.ofMillis(500)).retryCount(3)
                .subDevice(SWITCH, SWITCH_MODEL)).build());
    }

    @AfterEach
    void stopCamelAndGateway() throws Exception {
        try {
            for (CamelContext camel : contexts) {
                camel.stop();
            }
        } finally {
            gateway.close();
        }
    }

    /** The component as a user configures it for this gateway; {@code tuning} may change options. */
    protected MiioPushComponent component(Consumer<MiioPushConfiguration> tuning) {
        MiioPushComponent component = new MiioPushComponent();
        MiioPushConfiguration configuration = component.getConfiguration();
        configuration.setToken(TOKEN);
        configuration.setBindAddress("127.0.0.1");
        configuration.setPort(serverPort);
        configuration.setGatewayPort(gateway.localAddress().getPort());
        configuration.setTimeout(1_000);
        configuration.setRetries(1);
        configuration.setInstallRetryDelay(200);
        tuning.accept(configuration);
        return component;
    }

    /** A route from the gateway's events to {@code mock:events}, with {@code options} on the URI. */
    protected static RouteBuilder eventsRoute(String options) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("miio-push:" + GATEWAY_HOST + (options.isEmpty() ? "" : "?" + options)).routeId(ROUTE)
                        .to("mock:events");
                from("direct:gateway").routeId("commands").to("miio-push:" + GATEWAY_HOST);
            }
        };
    }

    /** The route subscribing every event of the switch. */
    protected static RouteBuilder switchRoute() {
        return eventsRoute("devices=" + SWITCH + ":" + SWITCH_MODEL);
    }

    /** A context that is configured but not started. */
    protected CamelContext newCamel(Consumer<MiioPushConfiguration> tuning, RouteBuilder routes) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("miio-push", component(tuning));
        camel.addRoutes(routes);
        contexts.add(camel);
        context = camel;
        return camel;
    }

    /** Starts a context with the default component and {@code routes}. */
    protected CamelContext startCamel(RouteBuilder routes) throws Exception {
        return startCamel(configuration -> { }, routes);
    }

    /** Starts a context whose component is tuned by {@code tuning}. */
    protected CamelContext startCamel(Consumer<MiioPushConfiguration> tuning, RouteBuilder routes) throws Exception {
        CamelContext camel = newCamel(tuning, routes);
        camel.start();
        return camel;
    }

    /** Waits until the consumer says its scenes are installed and the gateway is heard. */
    protected void awaitHealthy() {
        await().atMost(TIMEOUT).until(() -> consumerHealth().map(r -> r.getState() == HealthCheck.State.UP).orElse(false));
    }

    /** The readiness result of the route's consumer health check. */
    protected Optional<HealthCheck.Result> consumerHealth() {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        return results.stream().filter(result -> result.getCheck().getId().equals("consumer:" + ROUTE)).findFirst();
    }

    protected MockEndpoint events() {
        return context.getEndpoint("mock:events", MockEndpoint.class);
    }

    /** The push server's counters. */
    protected MiioPushServerStats serverStats() throws Exception {
        MiioPushComponent component = context.getComponent("miio-push", MiioPushComponent.class);
        return component.serverStats(InetAddress.getByName("127.0.0.1"), serverPort).orElseThrow();
    }

    /** The events the route received, of the given type, in order. */
    protected List<MiioPushEvent> received(String type) {
        List<MiioPushEvent> found = new ArrayList<>();
        for (Exchange exchange : events().getReceivedExchanges()) {
            MiioPushEvent event = exchange.getMessage().getBody(MiioPushEvent.class);
            if (event.type().equals(type)) {
                found.add(event);
            }
        }
        return found;
    }

    protected List<String> sceneIds() {
        return gateway.scenes().stream().map(StoredScene::id).toList();
    }

    /** How many requests of {@code method} the gateway answered. */
    protected long requests(String method) {
        return gateway.requests().stream().map(ReceivedRequest::method).filter(method::equals).count();
    }
}
