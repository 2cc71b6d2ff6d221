package io.github.camelsmarthome.simplisafe.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.simplisafe.api.SimplisafeFixtures;
import io.github.camelsmarthome.simplisafe.api.model.AlarmState;
import io.github.camelsmarthome.simplisafe.api.model.ArmResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code v3_state_response.json} and {@code v2_state_response.json} (brief 4.4). */
class ArmResponseMapperTest {

    private final ArmResponseMapper mapper = new ArmResponseMapper();

    @Test
    void v3EchoesTheStateInUpperCase() {
        ArmResponse response = mapper.response(SimplisafeFixtures.json("v3_state_response.json"));

        assertThat(response.success()).isTrue();
        assertThat(response.reason()).isNull();
        assertThat(response.state()).isEqualTo(AlarmState.HOME);
        assertThat(response.lastUpdated()).isEqualTo(Instant.ofEpochSecond(1534725096L));
        assertThat(response.exitDelaySeconds()).isEqualTo(120);
    }

    @Test
    void v2EchoesTheRequestedStateInLowerCase() {
        ArmResponse response = mapper.response(SimplisafeFixtures.json("v2_state_response.json"));

        assertThat(response.success()).isTrue();
        assertThat(response.state()).isEqualTo(AlarmState.HOME);
        assertThat(response.exitDelaySeconds()).isEqualTo(120);
    }

    @Test
    void aBodyWithoutSuccessIsAFailure() {
        ArmResponse response = mapper.response(SimplisafeFixtures.json("unavailable_endpoint_response.json"));

        assertThat(response.success()).isFalse();
        assertThat(response.state()).isNull();
        assertThat(mapper.response(null).success()).isFalse();
    }
}
