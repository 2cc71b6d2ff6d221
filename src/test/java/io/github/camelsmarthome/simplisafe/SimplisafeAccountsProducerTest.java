package io.github.camelsmarthome.simplisafe;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import io.github.camelsmarthome.auth.FileTokenStore;
import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.homeassistant.HomeAssistantCommands;
import io.github.camelsmarthome.simulator.simplisafe.AlarmState;
import io.github.camelsmarthome.simulator.simplisafe.IssuedTokens;
import io.github.camelsmarthome.simulator.simplisafe.RecordedRequest;
import io.github.camelsmarthome.simulator.simplisafe.RequestKind;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Constants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelsmarthome.simplisafe.SimplisafeConstants.ACCOUNT;
import static io.github.camelsmarthome.simplisafe.SimplisafeConstants.LOCK_SERIAL;
import static io.github.camelsmarthome.simplisafe.SimplisafeConstants.SYSTEM_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Producers with {@code accountsDir} call as the right account of the folder. Given a folder where
 * bob holds tokens the fake cloud issued and alice holds tokens it never issued (the cloud answers
 * 401 to alice's, 200 to bob's), and no tokens for the component's own account, the cloud's
 * answer tells whose token a call carried.
 */
class SimplisafeAccountsProducerTest extends SimplisafeComponentTestSupport {

    private Path accountsDir;

    @BeforeEach
    void aliceHoldsTokensTheCloudNeverIssuedAndBobRealOnes() throws IOException {
        accountsDir = stateDir.resolve("accounts");
        FileTokenStore stores = new FileTokenStore(accountsDir);
        stores.save("alice", new OAuthTokens("never-issued-access", "never-issued-refresh", Instant.now().plusSeconds(3_600), null,
                "Bearer", Map.of()));
        IssuedTokens bobs = cloud.auth().issueTokens();
        stores.save("bob", new OAuthTokens(bobs.accessToken(), bobs.refreshToken(), Instant.now().plusSeconds(bobs.expiresIn()),
                bobs.scope(), "Bearer", Map.of()));
    }

    private void startProducersOnly() throws Exception {
        startRoutes(configuration -> configuration.setRefreshToken(null), new RouteBuilder() {
            @Override
            public void configure() {
                // Producers only: the test sends to the endpoints directly.
            }
        });
    }

    private Exchange getStateAs(String account) {
        return context.createProducerTemplate().request("simplisafe:getState?accountsDir=" + accountsDir, exchange -> {
            exchange.getMessage().setHeader(SYSTEM_ID, SID);
            exchange.getMessage().setHeader(ACCOUNT, account);
        });
    }

    private long restAnswers(int status) {
        return cloud.requests().restRequests().stream().map(RecordedRequest::status).filter(answered -> answered == status).count();
    }

    @Test
    void aCallWhoseAccountHeaderNamesBobCarriesBobsToken() throws Exception {
        startProducersOnly();

        Exchange answer = getStateAs("bob");

        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getHeader(ACCOUNT)).isEqualTo("bob");
        assertThat(restAnswers(200)).isEqualTo(1);
        assertThat(restAnswers(401)).isZero();
    }

    @Test
    void aCallWhoseAccountHeaderNamesAliceCarriesAlicesToken() throws Exception {
        startProducersOnly();

        Exchange answer = getStateAs("alice");

        assertThat(answer.getException()).isNotNull();
        assertThat(restAnswers(401)).isGreaterThanOrEqualTo(1);
        assertThat(restAnswers(200)).isZero();
    }

    @Test
    void anAccountWithoutATokenStoreInTheFolderIsRefusedByNameBeforeAnyCall() throws Exception {
        startProducersOnly();

        Exchange answer = getStateAs("carol");

        assertThat(answer.getException()).isInstanceOf(UnknownSimplisafeAccountException.class).hasMessageContaining("carol")
                .hasMessageContaining("accountsDir=" + accountsDir.toAbsolutePath().normalize()).hasMessageContaining(ACCOUNT);
        assertThat(cloud.requests().ofKind(RequestKind.REST)).isEmpty();
    }

    /**
     * Home Assistant's alarm topic names the system only: the command route (prepare, then the
     * producer its URI names, on a component configured with the accounts folder as the runner
     * does) reaches the account whose feed watches the system.
     */
    @Test
    void aHomeAssistantArmCommandForBobsSystemIsMadeWithBobsToken() throws Exception {
        HomeAssistantCommands commands = new HomeAssistantCommands("camel-smarthome");
        startFolderConsumerAnd(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:command").bean(commands, "prepare").toD("${header." + HomeAssistantCommands.COMMAND_URI + "}");
            }
        });
        await().atMost(TIMEOUT).until(() -> simplisafe().folderAccountWith(accountsDir.toAbsolutePath().normalize(), SID, null)
                .map(SimplisafeAccount::name).orElse("").equals("bob"));

        Exchange answer = context.createProducerTemplate().request("direct:command", exchange -> {
            exchange.getMessage().setHeader(PahoMqtt5Constants.MQTT_TOPIC, "camel-smarthome/simplisafe/" + SID + "/alarm/set");
            exchange.getMessage().setBody("ARM_HOME");
        });

        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getHeader(ACCOUNT)).isEqualTo("bob");
        assertThat(cloud.system().alarmState()).isIn(AlarmState.HOME, AlarmState.HOME_COUNT);
    }

    @Test
    void aLockCommandNamingOnlyTheLockIsMadeAsTheAccountWhoseSystemHasTheLock() throws Exception {
        startFolderConsumerAnd(null);
        await().atMost(TIMEOUT).until(() -> simplisafe().folderAccountWith(accountsDir.toAbsolutePath().normalize(), null,
                FRONT_DOOR_LOCK).isPresent());

        Exchange answer = context.createProducerTemplate().request("simplisafe:lock", exchange ->
                exchange.getMessage().setHeader(LOCK_SERIAL, FRONT_DOOR_LOCK));

        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getHeader(ACCOUNT)).isEqualTo("bob");
        assertThat(cloud.requests().toPathEndingWith("/" + FRONT_DOOR_LOCK + "/state")).extracting(RecordedRequest::status)
                .allMatch(status -> status >= 200 && status < 300).isNotEmpty();
    }

    /** The folder's events route (polling only), on a component with the folder set as the runner sets it. */
    private void startFolderConsumerAnd(RouteBuilder more) throws Exception {
        startRoutes(configuration -> {
            configuration.setRefreshToken(null);
            configuration.setRealtime(false);
            configuration.setAccountsDir(accountsDir.toString());
        }, new RouteBuilder() {
            @Override
            public void configure() {
                from("simplisafe:events").routeId("events").to("log:events?level=DEBUG");
            }
        });
        if (more != null) {
            context.addRoutes(more);
        }
    }
}
