package io.github.camelsmarthome.homeconnect.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold;
import org.junit.jupiter.api.Test;

/** The resync reads the event stream makes through the client (brief section 8.7 rule 5). */
class ApplianceStateSourceTest extends HomeConnectClientTestSupport {

    private static final String WASHER = SimulatedHousehold.WASHER;

    @Test
    void theResyncReadsAnswerTheDataMember() {
        ApplianceStateSource source = client;

        assertThat(resultOf(source.appliances(RequestPriority.NORMAL)).path("homeappliances").size()).isEqualTo(5);
        assertThat(resultOf(source.status(WASHER, RequestPriority.NORMAL)).path("status").isArray()).isTrue();
        assertThat(resultOf(source.settings(WASHER, RequestPriority.LOW)).path("settings").isArray()).isTrue();
        cloud.household().washer().startProgram("LaundryCare.Washer.Program.Cotton");
        assertThat(resultOf(source.activeProgram(WASHER, RequestPriority.NORMAL)).path("key").asText())
                .isEqualTo("LaundryCare.Washer.Program.Cotton");
        assertThat(requestLines()).containsExactly("GET /api/homeappliances", "GET /api/homeappliances/" + WASHER + "/status",
                "GET /api/homeappliances/" + WASHER + "/settings", "GET /api/homeappliances/" + WASHER + "/programs/active");
    }

    @Test
    void noActiveProgramIsItsNamedException() {
        assertThat(failureOf(client.activeProgram(WASHER, RequestPriority.NORMAL))).isInstanceOf(NoProgramActiveException.class);
    }

    @Test
    void anOfflineApplianceIsItsNamedException() {
        cloud.household().washer().disconnect();
        assertThat(failureOf(client.status(WASHER, RequestPriority.NORMAL))).isInstanceOf(ApplianceOfflineException.class);
    }

    @Test
    void aBadIdFailsTheFutureInsteadOfThrowing() {
        assertThat(failureOf(client.status(" ", RequestPriority.NORMAL))).isInstanceOf(IllegalArgumentException.class);
        assertThat(failureOf(client.settings("..", RequestPriority.NORMAL))).isInstanceOf(IllegalArgumentException.class);
        assertThat(cloud.requests().all()).isEmpty();
    }
}
