package io.github.camelsmarthome.simplisafe;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.github.camelsmarthome.auth.FileTokenStore;
import io.github.camelsmarthome.component.AccountsFolderConsumer;
import io.github.camelsmarthome.testing.CapturedLogs;
import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.simplisafe.api.feed.SimplisafeEventFeed;
import io.github.camelsmarthome.simulator.simplisafe.IssuedTokens;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One {@code simplisafe:events?accountsDir=...} endpoint follows every account whose token store is
 * in the folder: each user logged in to the same fake cloud, so a sensor change arrives once per
 * account, tagged with that account.
 */
class SimplisafeManyAccountsTest extends SimplisafeComponentTestSupport {

    /** The component looks for new token stores every 10 s; a start under load may take a while more. */
    private static final Duration PICK_UP = Duration.ofSeconds(60);

    /** Account and type of every exchange, in arrival order. */
    private final List<String[]> received = new CopyOnWriteArrayList<>();
    private Path accountsDir;

    @BeforeEach
    void twoUsersHaveAuthorisedAndTheBridgeRuns() throws Exception {
        accountsDir = stateDir.resolve("accounts");
        logIn("alice");
        logIn("bob");
        context = new DefaultCamelContext();
        context.addComponent("simplisafe", component(configuration -> configuration.setRealtime(false)));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("simplisafe:events?accountsDir=" + accountsDir).routeId("events").process(exchange -> received.add(new String[] {
                        exchange.getMessage().getHeader(SimplisafeConstants.ACCOUNT, String.class),
                        exchange.getMessage().getHeader(SimplisafeConstants.EVENT_TYPE, String.class) }));
            }
        });
        context.start();
    }

    @Test
    void oneEndpointDeliversTheEventsOfEveryAccountEachTaggedWithItsAccount() {
        await().atMost(TIMEOUT).until(() -> accountsWith(SimplisafeEventFeed.CONNECTION_MODE_CHANGED).equals(Set.of("alice", "bob")));

        cloud.system().openSensor(FRONT_DOOR);

        await().atMost(TIMEOUT).until(() -> accountsWith("sensor_triggered").equals(Set.of("alice", "bob")));
        HealthCheck.Result up = await().atMost(TIMEOUT).until(this::health, result -> result.getState() == HealthCheck.State.UP);
        assertThat(up.getDetails()).containsEntry("connection_mode.alice", "REST_ONLY").containsEntry("connection_mode.bob", "REST_ONLY");
    }

    @Test
    void anAccountWhoseTokenStoreIsWrittenWhileRunningIsFollowedToo() throws IOException {
        logIn("carol");

        await().atMost(PICK_UP).until(() -> accountsWith(SimplisafeEventFeed.CONNECTION_MODE_CHANGED)
                .equals(Set.of("alice", "bob", "carol")));
        assertThat(simplisafe().accountNames()).contains("alice", "bob", "carol");
    }

    @Test
    void aTokenStoreDeletedWhileRunningStopsItsAccountsFeedOnceWithOneInfoLine() throws IOException {
        await().atMost(TIMEOUT).until(() -> accountsWith(SimplisafeEventFeed.CONNECTION_MODE_CHANGED).equals(Set.of("alice", "bob")));
        try (CapturedLogs logs = CapturedLogs.capture(AccountsFolderConsumer.class.getName())) {
            new FileTokenStore(accountsDir).delete("bob");

            folderConsumer().followFolder();
            folderConsumer().followFolder();

            assertThat(folderConsumer().accountNames()).containsExactly("alice");
            assertThat(simplisafe().accountNames()).doesNotContain("bob");
            assertThat(logs.atLevel(Level.INFO)).filteredOn(line -> line.message().contains("account bob stopped")).hasSize(1);
        }
        received.clear();
        cloud.system().openSensor(FRONT_DOOR);
        await().atMost(TIMEOUT).until(() -> accountsWith("sensor_triggered").equals(Set.of("alice")));
    }

    @Test
    void aTokenStoreWrittenAgainAfterItWasDeletedStartsTheAccountAgain() throws IOException {
        await().atMost(TIMEOUT).until(() -> accountsWith(SimplisafeEventFeed.CONNECTION_MODE_CHANGED).equals(Set.of("alice", "bob")));
        new FileTokenStore(accountsDir).delete("bob");
        folderConsumer().followFolder();
        received.clear();

        logIn("bob");
        folderConsumer().followFolder();

        await().atMost(TIMEOUT).until(() -> accountsWith(SimplisafeEventFeed.CONNECTION_MODE_CHANGED).equals(Set.of("bob")));
        cloud.system().openSensor(FRONT_DOOR);
        await().atMost(TIMEOUT).until(() -> accountsWith("sensor_triggered").equals(Set.of("alice", "bob")));
    }

    /** The route's consumer; the tests make its look at the folder now instead of waiting for the 10 s one. */
    private AccountsFolderConsumer<?> folderConsumer() {
        return (AccountsFolderConsumer<?>) context.getRoute("events").getConsumer();
    }

    private Set<String> accountsWith(String type) {
        return received.stream().filter(exchange -> type.equals(exchange[1])).map(exchange -> exchange[0]).collect(Collectors.toSet());
    }

    private HealthCheck.Result health() {
        return HealthCheckHelper.invokeReadiness(context).stream().filter(result -> result.getCheck().getId().equals("consumer:events"))
                .findFirst().orElseThrow();
    }

    /** What {@code authorize simplisafe} leaves behind: a token store named after the account. */
    private void logIn(String account) throws IOException {
        IssuedTokens issued = cloud.auth().issueTokens();
        new FileTokenStore(accountsDir).save(account, new OAuthTokens(issued.accessToken(), issued.refreshToken(),
                Instant.now().plusSeconds(issued.expiresIn()), issued.scope(), "Bearer", Map.of()));
    }
}
