package io.github.camelsmarthome.simplisafe.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.simplisafe.api.json.LenientJson;
import io.github.camelsmarthome.simplisafe.api.model.AlarmState;
import io.github.camelsmarthome.simplisafe.api.model.ArmResponse;

/**
 * Reads the answer to arming or disarming (brief 4.4), V3 ({@code state}) and V2
 * ({@code requestedState}) alike. A body without {@code success} counts as not successful.
 *
 * <p>Stateless and thread-safe.
 */
public final class ArmResponseMapper {

    /** The answer; never {@code null}, whatever the body. */
    public ArmResponse response(JsonNode body) {
        String state = LenientJson.text(body, "state");
        if (state == null) {
            state = LenientJson.text(body, "requestedState");
        }
        return new ArmResponse(LenientJson.isTrue(body, "success"), LenientJson.nonBlankText(body, "reason"),
                AlarmState.of(state), LenientJson.epochSeconds(body, "lastUpdated"),
                LenientJson.intValue(body, "exitDelay"), body);
    }
}
