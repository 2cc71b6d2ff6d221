package io.github.camelsmarthome.homeconnect.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold;
import org.junit.jupiter.api.Test;

/**
 * Appliance ids and keys come from routes and MQTT topics: whatever they contain, they stay one
 * path segment of the operation they were given to, and never reach another resource.
 */
class PathInjectionTest extends HomeConnectClientTestSupport {

    @Test
    void slashesAndDotsInAnApplianceIdStayInsideItsSegment() {
        Throwable failure = failureOf(HomeConnectRequest.of(HomeConnectOperation.getStatus, "../../../security/oauth/token"));
        assertThat(failure).isInstanceOf(ResourceNotFoundException.class);
        assertThat(requestLines()).containsExactly(
                "GET /api/homeappliances/..%2F..%2F..%2Fsecurity%2Foauth%2Ftoken/status");
    }

    @Test
    void queryFragmentPercentAndControlCharactersAreEncoded() {
        failureOf(HomeConnectRequest.of(HomeConnectOperation.getAppliance, "x?access_token=1#frag"));
        failureOf(HomeConnectRequest.of(HomeConnectOperation.getAppliance, "already%2Fencoded"));
        failureOf(HomeConnectRequest.of(HomeConnectOperation.getAppliance, "line\r\nX-Injected: 1"));
        failureOf(HomeConnectRequest.of(HomeConnectOperation.getAppliance, "Küche 1"));
        assertThat(requestLines()).containsExactly(
                "GET /api/homeappliances/x%3Faccess_token%3D1%23frag",
                "GET /api/homeappliances/already%252Fencoded",
                "GET /api/homeappliances/line%0D%0AX-Injected%3A%201",
                "GET /api/homeappliances/K%C3%BCche%201");
    }

    @Test
    void aKeyCannotClimbOutOfItsPlace() {
        Throwable failure = failureOf(HomeConnectRequest.of(HomeConnectOperation.getSetting, SimulatedHousehold.DISHWASHER,
                "../../../" + SimulatedHousehold.WASHER + "/status"));
        assertThat(failure).isInstanceOf(HomeConnectException.class);
        assertThat(requestLines()).containsExactly("GET /api/homeappliances/" + SimulatedHousehold.DISHWASHER
                + "/settings/..%2F..%2F..%2F" + SimulatedHousehold.WASHER + "%2Fstatus");
    }

    @Test
    void aWholeDotSegmentIsRefusedWithoutARequest() {
        // Servers decode %2E before removing dot segments, so ".." could not be sent safely even encoded.
        assertThat(failureOf(HomeConnectRequest.of(HomeConnectOperation.getStatus, "..")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("haId");
        assertThat(failureOf(HomeConnectRequest.of(HomeConnectOperation.getSetting, SimulatedHousehold.WASHER, ".")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("settingKey");
        assertThat(failureOf(HomeConnectRequest.of(HomeConnectOperation.getAppliance, "x".repeat(300))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(cloud.requests().all()).isEmpty();
        assertThat(budget.remaining().dailyRemaining()).isEqualTo(limits().requestsPerDay());
    }

    @Test
    void aRealApplianceIdGoesThroughUnchanged() {
        call(HomeConnectRequest.of(HomeConnectOperation.getStatusValue, SimulatedHousehold.WASHER,
                "BSH.Common.Status.OperationState"));
        assertThat(requestLines()).containsExactly("GET /api/homeappliances/" + SimulatedHousehold.WASHER
                + "/status/BSH.Common.Status.OperationState");
    }
}
