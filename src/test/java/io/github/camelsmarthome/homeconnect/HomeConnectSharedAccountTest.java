package io.github.camelsmarthome.homeconnect;

import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelsmarthome.homeconnect.api.ProgramStartRefusedException;
import io.github.camelsmarthome.homeconnect.api.event.EventOrigin;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelsmarthome.homeconnect.HomeConnectConstants.BUDGET_REMAINING_DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer and the producer of one client id use one account: the producer sees what the
 * event stream knows, and both draw on one request budget.
 */
class HomeConnectSharedAccountTest extends HomeConnectComponentTestSupport {

    private static final String WASHER = SimulatedHousehold.WASHER;

    @BeforeEach
    void aConsumerHasSeededTheAccount() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("homeconnect:events").routeId("events").to("mock:events");
            }
        });
        Set<String> appliances = cloud.household().appliances().stream().map(a -> a.haId()).collect(Collectors.toSet());
        await().atMost(TIMEOUT).until(() -> events(mock("events")).stream().filter(e -> e.origin().equals(EventOrigin.RESYNC))
                .map(HomeConnectEvent::deviceId).collect(Collectors.toSet()).containsAll(appliances));
    }

    @Test
    void startProgramOnAnApplianceTheStreamSawDisconnectIsRefusedWithoutAnyRestRequest() {
        cloud.household().washer().disconnect();
        awaitExchange(mock("events"), exchange -> "DISCONNECTED".equals(exchange.getMessage().getHeader(HomeConnectConstants.EVENT_TYPE))
                && WASHER.equals(exchange.getMessage().getHeader(HomeConnectConstants.HA_ID)));
        cloud.requests().clear();

        Exchange answer = context.createProducerTemplate().request("homeconnect:startProgram?haId=" + WASHER
                + "&key=LaundryCare.Washer.Program.Cotton", exchange -> { });

        assertThat(answer.getException()).isInstanceOfSatisfying(ProgramStartRefusedException.class, refused -> {
            assertThat(refused.reason()).isEqualTo(ProgramStartRefusedException.Reason.APPLIANCE_OFFLINE);
            assertThat(refused.getMessage()).contains("known from the event stream");
        });
        assertThat(restRequests()).isEmpty();
    }

    @Test
    void startProgramIsJudgedOnTheStreamsStatusValuesWithoutAnyRestRequest() {
        cloud.household().washer().setRemoteControl(true, false);
        awaitExchange(mock("events"), exchange -> pushedWithValue(exchange, "false")
                && WASHER.equals(exchange.getMessage().getHeader(HomeConnectConstants.HA_ID)));
        cloud.requests().clear();

        Exchange answer = context.createProducerTemplate().request("homeconnect:startProgram?haId=" + WASHER
                + "&key=LaundryCare.Washer.Program.Cotton", exchange -> { });

        assertThat(answer.getException()).isInstanceOfSatisfying(ProgramStartRefusedException.class, refused -> {
            assertThat(refused.reason()).isEqualTo(ProgramStartRefusedException.Reason.REMOTE_START_NOT_ALLOWED);
            assertThat(refused.getMessage()).contains("known from the event stream");
        });
        assertThat(restRequests()).isEmpty();
    }

    @Test
    void theProducerDrawsOnTheBudgetTheConsumerHasUsed() {
        Exchange answer = context.createProducerTemplate().request("homeconnect:getStatus?haId=" + WASHER, exchange -> { });

        assertThat(answer.getException()).isNull();
        // Seeding read the list, then the status and settings of each appliance; this call comes on top.
        assertThat(restRequests()).hasSizeGreaterThan(5);
        assertThat(answer.getMessage().getHeader(BUDGET_REMAINING_DAY, Integer.class)).isLessThanOrEqualTo(1000 - restRequests().size());
    }
}
