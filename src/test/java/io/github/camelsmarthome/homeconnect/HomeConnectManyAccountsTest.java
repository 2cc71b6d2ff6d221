package io.github.camelsmarthome.homeconnect;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelsmarthome.auth.FileTokenStore;
import io.github.camelsmarthome.component.AccountsFolderConsumer;
import io.github.camelsmarthome.testing.CapturedLogs;
import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.simulator.homeconnect.TokenSet;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelsmarthome.homeconnect.HomeConnectConstants.ACCOUNT;
import static io.github.camelsmarthome.homeconnect.HomeConnectConstants.EVENT_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One {@code homeconnect:events?accountsDir=...} endpoint streams every account whose token store
 * is in the folder: each user of the one application logged in on the same fake cloud, so every
 * pushed event arrives once per account, tagged with that account.
 */
class HomeConnectManyAccountsTest extends HomeConnectComponentTestSupport {

    /** The component looks for new token stores every 10 s; a start under load may take a while more. */
    private static final Duration PICK_UP = Duration.ofSeconds(60);

    private Path accountsDir;

    @BeforeEach
    void twoUsersHaveAuthorisedAndTheBridgeRuns() throws Exception {
        accountsDir = stateDir.resolve("accounts");
        logIn("alice");
        logIn("bob");
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("homeconnect:events?accountsDir=" + accountsDir).routeId("events").to("mock:events");
            }
        });
        await().atMost(TIMEOUT).until(() -> cloud.events().openStreamCount() == 2);
    }

    @Test
    void oneEndpointDeliversTheEventsOfEveryAccountEachTaggedWithItsAccount() {
        cloud.household().washer().setRemoteControl(true, false);

        await().atMost(TIMEOUT).until(() -> accountsThatReceivedThePush().equals(Set.of("alice", "bob")));
        assertThat(mock("events").getReceivedExchanges()).filteredOn(exchange -> pushedWithValue(exchange, "false"))
                .extracting(exchange -> exchange.getMessage().getHeader(ACCOUNT)).containsOnlyOnce("alice", "bob");
    }

    @Test
    void anAccountWhoseTokenStoreIsWrittenWhileRunningIsStreamedToo() throws IOException {
        logIn("carol");

        await().atMost(PICK_UP).until(() -> cloud.events().openStreamCount() == 3);
        cloud.household().washer().setRemoteControl(true, false);
        await().atMost(TIMEOUT).until(() -> accountsThatReceivedThePush().equals(Set.of("alice", "bob", "carol")));
    }

    @Test
    void anAccountWhoseAuthorisationIsRevokedRequiresAuthorisationAloneWhileTheOthersKeepFlowing() throws IOException {
        String bobsRefreshToken = new FileTokenStore(accountsDir).load("bob").orElseThrow().refreshToken();
        cloud.authorization().revokeRefreshToken(bobsRefreshToken);
        cloud.authorization().expireAccessTokens();

        Exchange authRequired = awaitExchange(mock("events"),
                exchange -> "auth_required".equals(exchange.getMessage().getHeader(EVENT_TYPE)));
        assertThat(authRequired.getMessage().getHeader(ACCOUNT)).isEqualTo("bob");
        HealthCheck.Result down = await().atMost(TIMEOUT).until(() -> consumerHealth("events").orElseThrow(),
                result -> result.getMessage().orElse("").contains("AUTH_REQUIRED") && !result.getMessage().orElse("").contains("alice"));
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(message -> assertThat(message).contains("bob"));

        await().atMost(TIMEOUT).until(() -> cloud.events().openStreamCount() == 1);
        mock("events").reset();
        cloud.household().washer().setRemoteControl(true, false);
        await().atMost(TIMEOUT).until(() -> accountsThatReceivedThePush().equals(Set.of("alice")));
        assertThat(consumerHealth("events").orElseThrow().getMessage()).hasValueSatisfying(message -> assertThat(message)
                .contains("bob").doesNotContain("alice"));
    }

    @Test
    void theHealthCheckIsUpOnlyWhileEveryAccountIsConnected() {
        HealthCheck.Result up = await().atMost(TIMEOUT).until(() -> consumerHealth("events").orElseThrow(),
                result -> result.getState() == HealthCheck.State.UP);

        assertThat(up.getMessage()).isEmpty();
        assertThat(context.getComponent("homeconnect", HomeConnectComponent.class).accountNames()).contains("alice", "bob");
    }

    @Test
    void aTokenStoreDeletedWhileRunningStopsItsAccountsStreamOnceWithOneInfoLine() throws IOException {
        try (CapturedLogs logs = CapturedLogs.capture(AccountsFolderConsumer.class.getName())) {
            new FileTokenStore(accountsDir).delete("bob");

            folderConsumer().followFolder();
            folderConsumer().followFolder();

            await().atMost(TIMEOUT).until(() -> cloud.events().openStreamCount() == 1);
            assertThat(folderConsumer().accountNames()).containsExactly("alice");
            assertThat(context.getComponent("homeconnect", HomeConnectComponent.class).accountNames()).doesNotContain("bob");
            assertThat(logs.atLevel(Level.INFO)).filteredOn(line -> line.message().contains("account bob stopped")).hasSize(1);
            assertThat(folderConsumer().stoppedAccounts()).isEqualTo(1);
        }
        mock("events").reset();
        cloud.household().washer().setRemoteControl(true, false);
        await().atMost(TIMEOUT).until(() -> accountsThatReceivedThePush().equals(Set.of("alice")));
    }

    @Test
    void aTokenStoreWrittenAgainAfterItWasDeletedStartsTheAccountAgain() throws IOException {
        new FileTokenStore(accountsDir).delete("bob");
        folderConsumer().followFolder();
        await().atMost(TIMEOUT).until(() -> cloud.events().openStreamCount() == 1);

        logIn("bob");
        folderConsumer().followFolder();

        await().atMost(TIMEOUT).until(() -> cloud.events().openStreamCount() == 2);
        mock("events").reset();
        cloud.household().washer().setRemoteControl(true, false);
        await().atMost(TIMEOUT).until(() -> accountsThatReceivedThePush().equals(Set.of("alice", "bob")));
    }

    /** The route's consumer; the tests make its look at the folder now instead of waiting for the 10 s one. */
    private AccountsFolderConsumer<?> folderConsumer() {
        return (AccountsFolderConsumer<?>) context.getRoute("events").getConsumer();
    }

    private Set<Object> accountsThatReceivedThePush() {
        return mock("events").getReceivedExchanges().stream().filter(exchange -> pushedWithValue(exchange, "false"))
                .map(exchange -> exchange.getMessage().getHeader(ACCOUNT)).collect(Collectors.toSet());
    }

    /** What {@code authorize homeconnect --account name} leaves behind: a token store named after the account. */
    private void logIn(String account) throws IOException {
        TokenSet issued = cloud.authorization().issueTokens(scope());
        new FileTokenStore(accountsDir).save(account, new OAuthTokens(issued.accessToken(), issued.refreshToken(),
                Instant.now().plusSeconds(issued.expiresIn()), issued.scope(), "Bearer", Map.of()));
    }
}
