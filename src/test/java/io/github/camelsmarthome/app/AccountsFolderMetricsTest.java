package io.github.camelsmarthome.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.camelsmarthome.auth.FileTokenStore;
import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.component.AccountsFolderConsumer;
import io.github.camelsmarthome.homeconnect.HomeConnectComponent;
import io.github.camelsmarthome.homeconnect.HomeConnectConfiguration;
import io.github.camelsmarthome.simplisafe.SimplisafeComponent;
import io.github.camelsmarthome.simplisafe.SimplisafeConfiguration;
import io.github.camelsmarthome.simulator.homeconnect.HomeConnectSimulator;
import io.github.camelsmarthome.simulator.homeconnect.SimulatorOptions;
import io.github.camelsmarthome.simulator.homeconnect.TokenSet;
import io.github.camelsmarthome.simulator.simplisafe.IssuedTokens;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulator;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulatorOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The metrics of an {@code accountsDir} route: an account whose token store is written while the
 * route runs has its meters as soon as the route follows it (no route start needed), and the
 * route's backlog meters sum its accounts.
 */
class AccountsFolderMetricsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path stateDir;

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final CamelContext context = new DefaultCamelContext();
    private AutoCloseable cloud;

    @AfterEach
    void stop() throws Exception {
        try {
            context.stop();
        } finally {
            if (cloud != null) {
                cloud.close();
            }
        }
    }

    @Test
    void aHomeConnectAccountFoundWhileTheRouteRunsHasItsMetersAtOnce() throws Exception {
        HomeConnectSimulator homeConnect = HomeConnectSimulator.start(SimulatorOptions.forTests().build());
        cloud = homeConnect::close;
        Path folder = stateDir.resolve("accounts");
        logIn(folder, "alice", homeConnect.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE));
        startCamel("homeconnect", homeConnectComponent(homeConnect), new HomeConnectMetrics(context),
                "homeconnect:events?accountsDir=" + folder);
        await().atMost(TIMEOUT).until(() -> budgetGaugeOf("alice") != null);

        logIn(folder, "bob", homeConnect.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE));
        folderConsumer().followFolder();

        assertThat(budgetGaugeOf("bob")).isNotNull();
        assertThat(registry.find("smarthome.homeconnect.stream.connected").tag("account", "bob").gauge()).isNotNull();
    }

    @Test
    void aSimplisafeAccountFoundWhileTheRouteRunsHasItsMetersAtOnce() throws Exception {
        SimpliSafeSimulator simplisafe = SimpliSafeSimulator.start(SimpliSafeSimulatorOptions.forTests().build());
        cloud = simplisafe;
        Path folder = stateDir.resolve("accounts");
        logIn(folder, "alice", simplisafe.auth().issueTokens());
        startCamel("simplisafe", simplisafeComponent(simplisafe), new SimplisafeMetrics(context),
                "simplisafe:events?accountsDir=" + folder);
        await().atMost(TIMEOUT).until(() -> registry.find("smarthome.simplisafe.polls").tag("account", "alice").functionCounter() != null);

        logIn(folder, "bob", simplisafe.auth().issueTokens());
        folderConsumer().followFolder();

        assertThat(registry.find("smarthome.simplisafe.polls").tag("account", "bob").functionCounter()).isNotNull();
        assertThat(registry.find("smarthome.simplisafe.connection.mode").tag("account", "bob").gauges()).isNotEmpty();
    }

    @Test
    void theBacklogMetersOfAnAccountsFolderRouteSumItsAccounts() throws Exception {
        HomeConnectSimulator homeConnect = HomeConnectSimulator.start(SimulatorOptions.forTests().build());
        cloud = homeConnect::close;
        Path folder = stateDir.resolve("accounts");
        logIn(folder, "alice", homeConnect.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE));
        startCamel("homeconnect", homeConnectComponent(homeConnect), new RouteBacklogMetrics(context),
                "homeconnect:events?accountsDir=" + folder);
        await().atMost(TIMEOUT).until(() -> backlogCapacity() == 10_000);

        logIn(folder, "bob", homeConnect.authorization().issueTokens(SimulatorOptions.DEFAULT_SCOPE));
        folderConsumer().followFolder();

        assertThat(backlogCapacity()).isEqualTo(20_000);
        assertThat(registry.find("smarthome.route.events.dropped").tag("route", "events").functionCounter()).isNotNull();
    }

    private double backlogCapacity() {
        var gauge = registry.find("smarthome.route.backlog.capacity").tag("route", "events").gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private Object budgetGaugeOf(String account) {
        return registry.find("smarthome.homeconnect.budget.remaining").tag("account", account).tag("window", "day").gauge();
    }

    private void startCamel(String scheme, org.apache.camel.Component component, org.apache.camel.spi.EventNotifier metrics,
            String from) throws Exception {
        context.getRegistry().bind("meterRegistry", registry);
        context.getManagementStrategy().addEventNotifier(metrics);
        context.addComponent(scheme, component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).routeId("events").to("log:events?level=DEBUG");
            }
        });
        context.start();
    }

    private AccountsFolderConsumer<?> folderConsumer() {
        return (AccountsFolderConsumer<?>) context.getRoute("events").getConsumer();
    }

    private HomeConnectComponent homeConnectComponent(HomeConnectSimulator homeConnect) {
        HomeConnectComponent component = new HomeConnectComponent();
        HomeConnectConfiguration configuration = component.getConfiguration();
        configuration.setClientId(homeConnect.clientId());
        configuration.setClientSecret(homeConnect.clientSecret());
        configuration.setScope(SimulatorOptions.DEFAULT_SCOPE);
        configuration.setApiUrl(homeConnect.baseUrl());
        configuration.setStateDir(stateDir.toString());
        configuration.setRequestTimeout(10_000);
        return component;
    }

    private SimplisafeComponent simplisafeComponent(SimpliSafeSimulator simplisafe) {
        SimplisafeComponent component = new SimplisafeComponent();
        SimplisafeConfiguration configuration = component.getConfiguration();
        configuration.setApiUrl(simplisafe.apiUrl());
        configuration.setAuthUrl(simplisafe.authUrl());
        configuration.setWebsocketUrl(simplisafe.webSocketUrl());
        configuration.setRealtime(false);
        configuration.setStateDir(stateDir.toString());
        configuration.setFastPollInterval(200);
        configuration.setSlowPollInterval(300);
        configuration.setRequestTimeout(10_000);
        return component;
    }

    private static void logIn(Path folder, String account, TokenSet issued) throws IOException {
        new FileTokenStore(folder).save(account, new OAuthTokens(issued.accessToken(), issued.refreshToken(),
                Instant.now().plusSeconds(issued.expiresIn()), issued.scope(), "Bearer", Map.of()));
    }

    private static void logIn(Path folder, String account, IssuedTokens issued) throws IOException {
        new FileTokenStore(folder).save(account, new OAuthTokens(issued.accessToken(), issued.refreshToken(),
                Instant.now().plusSeconds(issued.expiresIn()), issued.scope(), "Bearer", Map.of()));
    }
}
