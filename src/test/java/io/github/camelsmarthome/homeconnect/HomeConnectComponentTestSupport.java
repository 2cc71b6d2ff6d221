package io.github.camelsmarthome.homeconnect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.github.camelsmarthome.homeconnect.api.event.EventOrigin;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.simulator.homeconnect.HomeConnectSimulator;
import io.github.camelsmarthome.simulator.homeconnect.RecordedRequest;
import io.github.camelsmarthome.simulator.homeconnect.RequestKind;
import io.github.camelsmarthome.simulator.homeconnect.SimulatorOptions;
import io.github.camelsmarthome.simulator.homeconnect.TokenSet;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;

/**
 * Given a fresh fake Home Connect cloud per test and a {@code homeconnect:} component bootstrapped
 * the way a user does it (client id and secret, a refresh token, the cloud's URL, a state folder),
 * with stream timings short enough for a test. Each test starts the Camel context with its own
 * routes; {@link #restartCamel} starts a second context on the same state folder, as a restart of
 * the bridge would.
 */
abstract class HomeConnectComponentTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path stateDir;

    protected HomeConnectSimulator cloud;
    /** The token set the test user logged in with; its refresh token bootstraps the component. */
    protected TokenSet issued;
    protected CamelContext context;

    /** The fake cloud's options. */
    protected SimulatorOptions simulatorOptions() {
        return SimulatorOptions.forTests().build();
    }

    /** The scopes of the login; images need their own scope. */
    protected String scope() {
        return SimulatorOptions.DEFAULT_SCOPE + " Images";
    }

    @BeforeEach
    void startCloud() {
        cloud = HomeConnectSimulator.start(simulatorOptions());
        issued = cloud.authorization().issueTokens(scope());
    }

    @AfterEach
    void stopCamelAndCloud() {
        try {
            if (context != null) {
                context.stop();
            }
        } finally {
            cloud.close();
        }
    }

    /** The component as a user configures it for this cloud; {@code tuning} may change options. */
    protected HomeConnectComponent component(Consumer<HomeConnectConfiguration> tuning) {
        HomeConnectComponent component = new HomeConnectComponent();
        HomeConnectConfiguration configuration = component.getConfiguration();
        configuration.setClientId(cloud.clientId());
        configuration.setClientSecret(cloud.clientSecret());
        configuration.setRefreshToken(issued.refreshToken());
        configuration.setScope(scope());
        configuration.setApiUrl(cloud.baseUrl());
        configuration.setStateDir(stateDir.toString());
        // Reconnect within a test's patience; the cloud sends a keep-alive every second.
        configuration.setInitialReconnectDelay(100);
        configuration.setMaxReconnectDelay(1_000);
        configuration.setStreamReadTimeout(10_000);
        configuration.setStreamWatchdogTimeout(15_000);
        configuration.setRequestTimeout(10_000);
        tuning.accept(configuration);
        return component;
    }

    /** Starts a context with the default component and {@code routes}. */
    protected CamelContext startCamel(RoutesBuilder routes) throws Exception {
        return startCamel(configuration -> { }, routes);
    }

    /** Starts a context whose component is tuned by {@code tuning}, with {@code routes}. */
    protected CamelContext startCamel(Consumer<HomeConnectConfiguration> tuning, RoutesBuilder routes) throws Exception {
        context = newCamel(tuning, routes);
        context.start();
        return context;
    }

    /** A context that is configured but not started, for tests about start failures. */
    protected CamelContext newCamel(Consumer<HomeConnectConfiguration> tuning, RoutesBuilder routes) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("homeconnect", component(tuning));
        camel.addRoutes(routes);
        context = camel;
        return camel;
    }

    /** Stops the running context and starts a new one on the same state folder (a restart of the bridge). */
    protected CamelContext restartCamel(RoutesBuilder routes) throws Exception {
        context.stop();
        context = null;
        return startCamel(routes);
    }

    protected MockEndpoint mock(String name) {
        return context.getEndpoint("mock:" + name, MockEndpoint.class);
    }

    /** Waits until the account's single event stream is open at the cloud. */
    protected void awaitStreamOpen() {
        await().atMost(TIMEOUT).until(() -> cloud.events().openStreamCount() == 1);
    }

    /** The events a mock endpoint has received so far, in order. */
    protected static List<HomeConnectEvent> events(MockEndpoint mock) {
        List<HomeConnectEvent> events = new ArrayList<>();
        for (Exchange exchange : mock.getReceivedExchanges()) {
            events.add(exchange.getMessage().getBody(HomeConnectEvent.class));
        }
        return events;
    }

    /** The first received exchange whose event matches, once one has arrived. */
    protected static Exchange awaitExchange(MockEndpoint mock, Predicate<Exchange> matching) {
        return await().atMost(TIMEOUT).until(() -> mock.getReceivedExchanges().stream().filter(matching).findFirst(),
                Optional::isPresent).get();
    }

    /** Whether the exchange carries an event the cloud pushed (not one the bridge made) with an item of {@code value}. */
    protected static boolean pushedWithValue(Exchange exchange, String value) {
        HomeConnectEvent event = exchange.getMessage().getBody(HomeConnectEvent.class);
        return event != null && event.origin().equals(EventOrigin.STREAM)
                && event.items().stream().anyMatch(item -> item.value() != null && value.equals(item.value().asText()));
    }

    /** REST requests the cloud received (not OAuth, not the event stream). */
    protected List<RecordedRequest> restRequests() {
        return cloud.requests().ofKind(RequestKind.REST);
    }

    /** {@code METHOD path} of every REST request the cloud received, in order. */
    protected List<String> restRequestLines() {
        return restRequests().stream().map(r -> r.method() + " " + r.path()).toList();
    }

    /** The readiness result of the consumer health check of {@code routeId}. */
    protected Optional<HealthCheck.Result> consumerHealth(String routeId) {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        return results.stream().filter(result -> result.getCheck().getId().equals("consumer:" + routeId)).findFirst();
    }
}
