package io.github.camelsmarthome.homeconnect;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import io.github.camelsmarthome.auth.FileTokenStore;
import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.homeassistant.HomeAssistantCommands;
import io.github.camelsmarthome.simulator.homeconnect.RecordedRequest;
import io.github.camelsmarthome.simulator.homeconnect.RequestKind;
import io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold;
import io.github.camelsmarthome.simulator.homeconnect.TokenSet;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Constants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelsmarthome.homeconnect.HomeConnectConstants.ACCOUNT;
import static io.github.camelsmarthome.homeconnect.HomeConnectConstants.HA_ID;
import static io.github.camelsmarthome.homeconnect.HomeConnectConstants.KEY;
import static io.github.camelsmarthome.homeconnect.HomeConnectConstants.VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Producers with {@code accountsDir} call as the right account of the folder. Given a folder where
 * bob holds tokens the fake cloud issued and alice holds tokens it never issued (so the cloud
 * answers 401 to alice's and 200 to bob's), and no tokens for the client id's own account, the
 * cloud's answer tells whose token a call carried.
 */
class HomeConnectAccountsProducerTest extends HomeConnectComponentTestSupport {

    private static final String DISHWASHER = SimulatedHousehold.DISHWASHER;
    private static final String CHILD_LOCK = "BSH.Common.Setting.ChildLock";

    private Path accountsDir;

    @BeforeEach
    void aliceHoldsTokensTheCloudNeverIssuedAndBobRealOnes() throws IOException {
        accountsDir = stateDir.resolve("accounts");
        FileTokenStore stores = new FileTokenStore(accountsDir);
        stores.save("alice", new OAuthTokens("never-issued-access", "never-issued-refresh", Instant.now().plusSeconds(3_600),
                scope(), "Bearer", Map.of()));
        TokenSet bobs = cloud.authorization().issueTokens(scope());
        stores.save("bob", new OAuthTokens(bobs.accessToken(), bobs.refreshToken(), Instant.now().plusSeconds(bobs.expiresIn()),
                bobs.scope(), "Bearer", Map.of()));
    }

    private void startProducersOnly() throws Exception {
        startCamel(configuration -> configuration.setRefreshToken(null), new RouteBuilder() {
            @Override
            public void configure() {
                // Producers only: the test sends to the endpoints directly.
            }
        });
    }

    private Exchange getStatusAs(String account) {
        return context.createProducerTemplate().request("homeconnect:getStatus?accountsDir=" + accountsDir, exchange -> {
            exchange.getMessage().setHeader(HA_ID, DISHWASHER);
            exchange.getMessage().setHeader(ACCOUNT, account);
        });
    }

    private long statusReadsAnswered(int status) {
        return cloud.requests().restRequests().stream().filter(request -> request.path().endsWith(DISHWASHER + "/status"))
                .map(RecordedRequest::status).filter(answered -> answered == status).count();
    }

    @Test
    void aCallWhoseAccountHeaderNamesBobCarriesBobsToken() throws Exception {
        startProducersOnly();

        Exchange answer = getStatusAs("bob");

        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getHeader(ACCOUNT)).isEqualTo("bob");
        assertThat(statusReadsAnswered(200)).isEqualTo(1);
        assertThat(statusReadsAnswered(401)).isZero();
    }

    @Test
    void aCallWhoseAccountHeaderNamesAliceCarriesAlicesToken() throws Exception {
        startProducersOnly();

        Exchange answer = getStatusAs("alice");

        assertThat(answer.getException()).isNotNull();
        assertThat(statusReadsAnswered(401)).isGreaterThanOrEqualTo(1);
        assertThat(statusReadsAnswered(200)).isZero();
    }

    @Test
    void anAccountWithoutATokenStoreInTheFolderIsRefusedByNameBeforeAnyCall() throws Exception {
        startProducersOnly();

        Exchange answer = getStatusAs("carol");

        assertThat(answer.getException()).isInstanceOf(UnknownHomeConnectAccountException.class)
                .hasMessageContaining("carol").hasMessageContaining("accountsDir=" + accountsDir.toAbsolutePath().normalize())
                .hasMessageContaining(ACCOUNT);
        assertThat(cloud.requests().ofKind(RequestKind.REST)).isEmpty();
    }

    @Test
    void aHeaderThatIsNoAccountNameIsRefusedWithoutEchoingIt() throws Exception {
        startProducersOnly();

        Exchange answer = getStatusAs("../bob");

        assertThat(answer.getException()).isInstanceOf(UnknownHomeConnectAccountException.class)
                .hasMessageNotContaining("../bob");
        assertThat(cloud.requests().ofKind(RequestKind.REST)).isEmpty();
    }

    /**
     * Home Assistant's command topics name the appliance only: the command route (prepare, then the
     * producer its URI names, on a component configured with the accounts folder as the runner
     * does) reaches the account whose stream knows the appliance.
     */
    @Test
    void aHomeAssistantCommandForAnApplianceOfBobIsMadeWithBobsToken() throws Exception {
        HomeAssistantCommands commands = new HomeAssistantCommands("camel-smarthome");
        startCamel(configuration -> {
            configuration.setRefreshToken(null);
            configuration.setAccountsDir(accountsDir.toString());
        }, new RouteBuilder() {
            @Override
            public void configure() {
                from("homeconnect:events").routeId("events").to("mock:events");
                from("direct:command").bean(commands, "prepare").toD("${header." + HomeAssistantCommands.COMMAND_URI + "}");
            }
        });
        HomeConnectComponent component = context.getComponent("homeconnect", HomeConnectComponent.class);
        await().atMost(TIMEOUT).until(() -> component.folderAccountWithAppliance(accountsDir.toAbsolutePath().normalize(), DISHWASHER)
                .map(HomeConnectAccount::name).orElse("").equals("bob"));

        Exchange answer = context.createProducerTemplate().request("direct:command", exchange -> {
            exchange.getMessage().setHeader(PahoMqtt5Constants.MQTT_TOPIC, "camel-smarthome/homeconnect/" + DISHWASHER + "/power/set");
            exchange.getMessage().setBody("OFF");
        });

        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getHeader(ACCOUNT)).isEqualTo("bob");
        assertThat(cloud.requests().restRequests()).filteredOn(request -> "PUT".equals(request.method()))
                .extracting(RecordedRequest::status).containsExactly(204);
    }

    @Test
    void withoutTheHeaderAProducerWithAccountsDirCallsAsTheAccountWhoseStreamKnowsTheAppliance() throws Exception {
        startCamel(configuration -> configuration.setRefreshToken(null), new RouteBuilder() {
            @Override
            public void configure() {
                from("homeconnect:events?accountsDir=" + accountsDir).routeId("events").to("mock:events");
            }
        });
        HomeConnectComponent component = context.getComponent("homeconnect", HomeConnectComponent.class);
        await().atMost(TIMEOUT).until(() -> component.folderAccountWithAppliance(accountsDir.toAbsolutePath().normalize(), DISHWASHER)
                .isPresent());

        Exchange answer = context.createProducerTemplate().request("homeconnect:setSetting?accountsDir=" + accountsDir, exchange -> {
            exchange.getMessage().setHeader(HA_ID, DISHWASHER);
            exchange.getMessage().setHeader(KEY, CHILD_LOCK);
            exchange.getMessage().setHeader(VALUE, true);
        });

        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getHeader(ACCOUNT)).isEqualTo("bob");
        assertThat(cloud.household().dishwasher().setting(CHILD_LOCK).asBoolean()).isTrue();
    }
}
