package io.github.camelsmarthome.simplisafe.api.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Brief section 2's parsing rules and section 10's statuses, for answers the simulator cannot be made to send. */
class SimpliSafeErrorsTest {

    private static final String OP = "getSettings GET /ss3/subscriptions/1/settings/normal";

    private static JsonNode body(String text) {
        return ResponseJson.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBareStringBecomesAnErrorObject() {
        assertThat(body("\"Unauthorized\"").path("error").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void textThatIsNotJsonIsADataParsingErrorWithoutItsText() {
        assertThat(body("<html>504 Gateway Time-out</html>")).isSameAs(ResponseJson.NOT_JSON);
        assertThat(body("{\"a\":1} trailing")).isSameAs(ResponseJson.NOT_JSON);
        assertThat(body("  ").isMissingNode()).isTrue();
    }

    @Test
    void theTypeIsLookedAtBeforeTheStatus() {
        assertThat(SimpliSafeErrors.of(OP, 200, body("{\"type\":\"PinError\",\"message\":\"bad pin\"}")))
                .isInstanceOf(PinRejectedException.class);
        assertThat(SimpliSafeErrors.of(OP, 403, body("{\"type\":\"NoRemoteManagement\",\"code\":\"078\"}")))
                .isInstanceOf(NoRemoteManagementException.class);
        assertThat(SimpliSafeErrors.of(OP, 200, body("{\"success\":true}"))).isNull();
    }

    @Test
    void eachStatusHasItsException() {
        assertThat(SimpliSafeErrors.of(OP, 401, body("\"Unauthorized\""))).isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("Unauthorized");
        assertThat(SimpliSafeErrors.of(OP, 403, body(""))).isInstanceOf(ForbiddenException.class);
        assertThat(SimpliSafeErrors.of(OP, 404, body("{\"type\":\"NotFound\"}"))).isInstanceOf(NotFoundException.class);
        assertThat(SimpliSafeErrors.of(OP, 406, body("{\"type\":\"NotAcceptable\"}")))
                .isInstanceOf(WrongSystemVersionException.class);
        assertThat(SimpliSafeErrors.of(OP, 409, body("{\"type\":\"SettingsInProgress\"}")))
                .isInstanceOf(SettingsInProgressException.class).matches(SimpliSafeException::isRetryable);
        assertThat(SimpliSafeErrors.of(OP, 502, body("<html>bad gateway</html>"))).isInstanceOf(ServerErrorException.class)
                .hasMessage("SimpliSafe " + OP + ": HTTP 502");
        assertThat(SimpliSafeErrors.of(OP, 400, body("{\"type\":\"BadRequest\"}")))
                .isInstanceOf(UnexpectedResponseException.class).matches(e -> !e.isRetryable());
    }

    @Test
    void longCloudMessagesAreCutToOneLine() {
        String message = "x".repeat(500) + "\nsecond line";
        SimpliSafeException error = SimpliSafeErrors.of(OP, 500, body("{\"type\":\"Boom\",\"message\":\"" + message.replace("\n", "\\n") + "\"}"));
        assertThat(error.getMessage()).doesNotContain("\n").hasSizeLessThan(320);
    }
}
