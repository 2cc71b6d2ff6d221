package io.github.camelsmarthome.simplisafe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent;
import io.github.camelsmarthome.simplisafe.api.feed.ConnectionMode;
import io.github.camelsmarthome.simplisafe.api.feed.FeedStats;
import io.github.camelsmarthome.simplisafe.api.feed.SimplisafeEventFeed;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulator;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulatorOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;

/**
 * Given a fresh fake SimpliSafe cloud per test and a {@code simplisafe:} component bootstrapped the
 * way a user does it (a refresh token, the cloud's URLs, a state folder), with poll intervals short
 * enough for a test. {@link #startConsumer} runs {@code simplisafe:events} into {@link #events}.
 */
abstract class SimplisafeComponentTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final long SID = 12345;
    static final String FRONT_DOOR = "14";
    static final String FRONT_DOOR_LOCK = "987";

    @TempDir
    Path stateDir;

    protected SimpliSafeSimulator cloud;
    protected CamelContext context;
    protected final List<SimplisafeEvent> events = new CopyOnWriteArrayList<>();

    /** The fake cloud's options. */
    protected SimpliSafeSimulatorOptions.Builder simulatorOptions() {
        return SimpliSafeSimulatorOptions.forTests();
    }

    @BeforeEach
    void startCloud() {
        cloud = SimpliSafeSimulator.start(simulatorOptions().build());
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
    protected SimplisafeComponent component(Consumer<SimplisafeConfiguration> tuning) {
        SimplisafeComponent component = new SimplisafeComponent();
        SimplisafeConfiguration configuration = component.getConfiguration();
        configuration.setRefreshToken(cloud.auth().issueTokens().refreshToken());
        configuration.setApiUrl(cloud.apiUrl());
        configuration.setAuthUrl(cloud.authUrl());
        configuration.setWebsocketUrl(cloud.webSocketUrl());
        configuration.setStateDir(stateDir.toString());
        configuration.setFastPollInterval(200);
        configuration.setSlowPollInterval(300);
        configuration.setArmCooldown(0);
        configuration.setRequestTimeout(10_000);
        tuning.accept(configuration);
        return component;
    }

    /** Starts a context with {@code simplisafe:events} collecting into {@link #events}, plus {@code more} routes. */
    protected CamelContext startConsumer(Consumer<SimplisafeConfiguration> tuning, RouteBuilder more) throws Exception {
        context = new DefaultCamelContext();
        context.addComponent("simplisafe", component(tuning));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("simplisafe:events").routeId("simplisafe-events")
                        .process(exchange -> events.add(exchange.getMessage().getBody(SimplisafeEvent.class)));
            }
        });
        if (more != null) {
            context.addRoutes(more);
        }
        context.start();
        return context;
    }

    /** Starts a context with only {@code routes} (producer tests). */
    protected CamelContext startRoutes(Consumer<SimplisafeConfiguration> tuning, RouteBuilder routes) throws Exception {
        context = new DefaultCamelContext();
        context.addComponent("simplisafe", component(tuning));
        context.addRoutes(routes);
        context.start();
        return context;
    }

    protected SimplisafeComponent simplisafe() {
        return context.getComponent("simplisafe", SimplisafeComponent.class);
    }

    /** The default account's connection mode. */
    protected ConnectionMode mode() {
        return simplisafe().connectionMode(accountName()).orElse(null);
    }

    protected FeedStats stats() {
        return simplisafe().feedStats(accountName()).orElseThrow();
    }

    /** The one account of the test (its name is derived from "default"). */
    protected String accountName() {
        return simplisafe().accountNames().iterator().next();
    }

    /** Waits until the feed watches the system (its baseline is read, so changes from now on are events). */
    protected void awaitWatching() {
        // The feed announces its first mode once the baseline is read.
        await().atMost(TIMEOUT).until(() -> events.stream().anyMatch(type(SimplisafeEventFeed.CONNECTION_MODE_CHANGED)));
    }

    /** Waits for an event matching {@code condition} and returns it. */
    protected SimplisafeEvent awaitEvent(Predicate<SimplisafeEvent> condition) {
        await().atMost(TIMEOUT).until(() -> events.stream().anyMatch(condition));
        return events.stream().filter(condition).findFirst().orElseThrow();
    }

    protected long count(Predicate<SimplisafeEvent> condition) {
        return events.stream().filter(condition).count();
    }

    static Predicate<SimplisafeEvent> type(String type) {
        return event -> type.equals(event.type());
    }
}
