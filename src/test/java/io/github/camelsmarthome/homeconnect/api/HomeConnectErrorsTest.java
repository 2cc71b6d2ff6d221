package io.github.camelsmarthome.homeconnect.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Specification of how failed answers become exceptions (developer brief, section 6). */
class HomeConnectErrorsTest {

    private static final String REQUEST = "GET /api/homeappliances/SIEMENS-HCS02DWH1-6BE58C26DCC1/status";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-04T10:00:00Z"), ZoneOffset.UTC);

    static Stream<Arguments> everyKeyOfTheBrief() {
        return Stream.of(
                Arguments.of(409, "SDK.Error.HomeAppliance.Connection.Initialization.Failed", ApplianceOfflineException.class),
                Arguments.of(404, "SDK.Error.NoProgramActive", NoProgramActiveException.class),
                Arguments.of(404, "SDK.Error.NoProgramSelected", NoProgramSelectedException.class),
                Arguments.of(409, "SDK.Error.UnsupportedOperation", UnsupportedByApplianceException.class),
                Arguments.of(409, "SDK.Error.WrongOperationState", ApplianceStateConflictException.class),
                Arguments.of(409, "SDK.Error.ProgramNotAvailable", ApplianceStateConflictException.class),
                Arguments.of(409, "SDK.Error.UnsupportedProgram", UnsupportedByApplianceException.class),
                Arguments.of(409, "SDK.Error.UnsupportedOption", UnsupportedByApplianceException.class),
                Arguments.of(409, "SDK.Error.UnsupportedSetting", UnsupportedByApplianceException.class),
                Arguments.of(409, "SDK.Error.ActiveProgramNotSet", ApplianceStateConflictException.class),
                Arguments.of(409, "SDK.Error.SelectedProgramNotSet", ApplianceStateConflictException.class),
                Arguments.of(409, "SDK.Error.ActiveProgramSet", ApplianceStateConflictException.class),
                Arguments.of(409, "SDK.Error.InvalidSettingState", ApplianceStateConflictException.class),
                Arguments.of(409, "SDK.Error.InvalidSettingValue", InvalidValueException.class),
                Arguments.of(409, "BSH.Common.Error.RemoteControlNotActive", RemoteControlNotAllowedException.class),
                Arguments.of(409, "BSH.Common.Error.RemoteStartNotActive", RemoteControlNotAllowedException.class),
                Arguments.of(409, "BSH.Common.Error.LockedByLocalControl", RemoteControlNotAllowedException.class),
                Arguments.of(400, "BSH.Common.Error.WriteRequest.NotAvailableByList", InvalidValueException.class),
                Arguments.of(409, "BSH.Common.Error.WriteRequest.NotAvailableByList", InvalidValueException.class),
                Arguments.of(409, "SDK.Error.WrongDoorState", AppliancePreconditionException.class),
                Arguments.of(409, "SDK.Error.Cooking.Oven.Status.FrontPanelOpen", AppliancePreconditionException.class),
                Arguments.of(409, "SDK.Error.Cooking.Oven.Status.MeatprobePlugged", AppliancePreconditionException.class),
                Arguments.of(409, "SDK.Error.BatteryLevelTooLow", AppliancePreconditionException.class),
                Arguments.of(409, "SDK.Error.ConsumerProducts.CleaningRobot.Status.Lifted", AppliancePreconditionException.class),
                Arguments.of(409, "SDK.Error.ConsumerProducts.CleaningRobot.Status.DustBoxNotInserted",
                        AppliancePreconditionException.class),
                Arguments.of(409, "SDK.Error.ConsumerProducts.CleaningRobot.Status.AlreadyAtHome",
                        AppliancePreconditionException.class),
                Arguments.of(409, "SDK.Error.Dishcare.Dishwasher.Status.SomethingNew", AppliancePreconditionException.class),
                Arguments.of(401, "invalid_token", InvalidTokenException.class),
                Arguments.of(403, "insufficient_scope", InsufficientScopeException.class),
                Arguments.of(429, "429", RateLimitedException.class),
                Arguments.of(500, "SDK.Simulator.InternalError", ServerErrorException.class),
                Arguments.of(504, "SDK.Error.504.GatewayTimeout", ServerErrorException.class),
                Arguments.of(409, "SDK.Error.SomethingNobodyHasSeen", ApplianceConflictException.class),
                Arguments.of(404, "SDK.Error.UnknownKey", ResourceNotFoundException.class),
                Arguments.of(400, "invalid_request", BadRequestException.class));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("everyKeyOfTheBrief")
    void mapsEachErrorKeyToTheExceptionACallerHandles(int status, String key, Class<?> expected) {
        String body = "{\"error\":{\"key\":\"" + key + "\",\"description\":\"what the service said\"}}";

        HomeConnectException error = HomeConnectErrors.fromResponse(status, Map.of(), body, REQUEST, CLOCK);

        assertThat(error).isExactlyInstanceOf(expected);
        assertThat(error.httpStatus()).isEqualTo(status);
        assertThat(error.errorKey()).contains(key);
        assertThat(error.description()).contains("what the service said");
        assertThat(error.getMessage()).contains(REQUEST, String.valueOf(status), key, "what the service said");
    }

    static Stream<Arguments> everyStatusOfTheBrief() {
        return Stream.of(
                Arguments.of(400, BadRequestException.class, false),
                Arguments.of(401, InvalidTokenException.class, false),
                Arguments.of(403, InsufficientScopeException.class, false),
                Arguments.of(404, ResourceNotFoundException.class, false),
                Arguments.of(405, ProtocolMismatchException.class, false),
                Arguments.of(406, ProtocolMismatchException.class, false),
                Arguments.of(408, RequestTimeoutException.class, true),
                Arguments.of(409, ApplianceConflictException.class, false),
                Arguments.of(415, ProtocolMismatchException.class, false),
                Arguments.of(429, RateLimitedException.class, true),
                Arguments.of(500, ServerErrorException.class, true),
                Arguments.of(502, ServerErrorException.class, true),
                Arguments.of(503, ServerErrorException.class, true),
                Arguments.of(504, ServerErrorException.class, true),
                Arguments.of(410, UnexpectedResponseException.class, false),
                Arguments.of(302, UnexpectedResponseException.class, false),
                Arguments.of(200, UnexpectedResponseException.class, false));
    }

    @ParameterizedTest(name = "HTTP {0} without body -> {1}")
    @MethodSource("everyStatusOfTheBrief")
    void fallsBackToTheStatusWhenThereIsNoBody(int status, Class<?> expected, boolean transientFailure) {
        HomeConnectException error = HomeConnectErrors.fromResponse(status, null, null, REQUEST, CLOCK);

        assertThat(error).isExactlyInstanceOf(expected);
        assertThat(error.errorKey()).isEmpty();
        assertThat(error.isTransient()).isEqualTo(transientFailure);
        assertThat(error.getMessage()).contains(REQUEST, "HTTP " + status, "no error body");
    }

    @Test
    void keepsTheApplianceCodeOfAWriteRequestRefusal() {
        String body = "{\"error\": {\"code\": 528, \"description\": \"HomeAppliance reported an error\","
                + " \"key\": \"BSH.Common.Error.WriteRequest.NotAvailableByList\"}}";

        HomeConnectException error = HomeConnectErrors.fromResponse(400, Map.of(), body, REQUEST, CLOCK);

        assertThat(error).isInstanceOf(InvalidValueException.class);
        assertThat(error.applianceErrorCode()).hasValue(528);
        assertThat(error.getMessage()).contains("appliance code 528");
    }

    @Test
    void treatsAConflictWhoseDescriptionSaysOfflineAsOffline() {
        String body = "{\"error\":{\"key\":\"SDK.Error.Whatever\",\"description\":\"HomeAppliance is offline\"}}";

        assertThat(HomeConnectErrors.fromResponse(409, Map.of(), body, REQUEST, CLOCK))
                .isInstanceOf(ApplianceOfflineException.class);
    }

    @Test
    void matchesKeysRegardlessOfCase() {
        String body = "{\"error\":{\"key\":\"sdk.error.noprogramactive\"}}";

        assertThat(HomeConnectErrors.fromResponse(404, Map.of(), body, REQUEST, CLOCK))
                .isInstanceOf(NoProgramActiveException.class);
    }

    @Test
    void readsTheOAuthShapeOfTheTokenEndpoint() {
        String body = "{\"error\": \"invalid_grant\", \"error_description\": \"invalid refresh_token\"}";

        HomeConnectException error = HomeConnectErrors.fromResponse(400, Map.of(), body, "POST /security/oauth/token", CLOCK);

        assertThat(error).isInstanceOf(BadRequestException.class);
        assertThat(error.errorKey()).contains("invalid_grant");
        assertThat(error.description()).contains("invalid refresh_token");
    }

    @Test
    void usesTheDeveloperMessageWhenThereIsNoDescription() {
        String body = "{\"error\":{\"key\":\"SDK.Error.WrongOperationState\",\"developerMessage\":\"door is open\"}}";

        assertThat(HomeConnectErrors.fromResponse(409, Map.of(), body, REQUEST, CLOCK).description()).contains("door is open");
    }

    @Test
    void describesATimeoutWithoutAnswer() {
        RequestTimeoutException error = HomeConnectErrors.noResponse(REQUEST, Duration.ofSeconds(30));

        assertThat(error.httpStatus()).isZero();
        assertThat(error.isTransient()).isTrue();
        assertThat(error.getMessage()).contains(REQUEST, "no response", "30000 ms");
    }

    // --- 429 -----------------------------------------------------------------------------------

    static Stream<Arguments> rateLimitDescriptions() {
        return Stream.of(
                Arguments.of("The rate limit \\\"1000 calls in 1 day\\\" was reached. Requests are blocked during the"
                        + " remaining period of 50460 seconds.", RateLimit.DAILY, 50460),
                Arguments.of("The rate limit \\\"10 successive error calls in 10 minutes\\\" was reached. Requests are"
                        + " blocked during the remaining period of 564 seconds.", RateLimit.SUCCESSIVE_ERRORS, 564),
                Arguments.of("The rate limit \\\"50 calls in 1 minute\\\" was reached. Requests are blocked during the"
                        + " remaining period of 41 seconds.", RateLimit.PER_MINUTE, 41),
                Arguments.of("The rate limit \\\"5 program starts in 1 minute\\\" was reached.", RateLimit.PROGRAM_STARTS, 60),
                Arguments.of("The rate limit \\\"5 program stops in 1 minute\\\" was reached.", RateLimit.PROGRAM_STOPS, 60),
                Arguments.of("The rate limit \\\"10 event monitoring channels\\\" was reached.", RateLimit.EVENT_CHANNELS, 60),
                Arguments.of("The rate limit \\\"10 calls in 1 second\\\" was reached.", RateLimit.PER_SECOND, 60),
                Arguments.of("Too many requests, blocked for 30 seconds", RateLimit.UNKNOWN, 60));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("rateLimitDescriptions")
    void namesTheLimitAndTheWaitFromTheDescription(String description, RateLimit limit, long seconds) {
        String body = "{\"error\":{\"key\":\"429\",\"description\":\"" + description + "\"}}";

        RateLimitedException error = (RateLimitedException) HomeConnectErrors.fromResponse(429, Map.of(), body, REQUEST, CLOCK);

        assertThat(error.limit()).isEqualTo(limit);
        assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(seconds));
        assertThat(error.retryAfterAdvertised()).isEqualTo(seconds != 60);
        assertThat(error.blocksAllRequests()).isEqualTo(limit != RateLimit.PROGRAM_STARTS && limit != RateLimit.PROGRAM_STOPS);
    }

    @Test
    void prefersTheRetryAfterHeaderInSecondsWhateverItsCase() {
        String body = "{\"error\":{\"key\":\"429\",\"description\":\"... remaining period of 564 seconds.\"}}";

        RateLimitedException error = (RateLimitedException) HomeConnectErrors.fromResponse(
                429, Map.of("retry-AFTER", " 120 "), body, REQUEST, CLOCK);

        assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(error.retryAfterAdvertised()).isTrue();
        assertThat(error.getMessage()).contains("120 s");
    }

    @Test
    void acceptsRetryAfterAsAnHttpDate() {
        RateLimitedException error = (RateLimitedException) HomeConnectErrors.fromResponse(
                429, Map.of("Retry-After", "Mon, 04 May 2026 10:05:00 GMT"), null, REQUEST, CLOCK);

        assertThat(error.retryAfter()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void acceptsFractionalSecondsAndRoundsUp() {
        RateLimitedException error = (RateLimitedException) HomeConnectErrors.fromResponse(
                429, Map.of("Retry-After", "1.0004"), null, REQUEST, CLOCK);

        assertThat(error.retryAfter()).isEqualTo(Duration.ofMillis(1001));
    }

    @Test
    void treatsAnHttpDateInThePastAsNoWait() {
        RateLimitedException error = (RateLimitedException) HomeConnectErrors.fromResponse(
                429, Map.of("Retry-After", "Sun, 03 May 2026 10:05:00 GMT"), null, REQUEST, CLOCK);

        assertThat(error.retryAfter()).isZero();
    }

    @Test
    void capsAnAbsurdRetryAfter() {
        RateLimitedException error = (RateLimitedException) HomeConnectErrors.fromResponse(
                429, Map.of("Retry-After", "999999999999"), null, REQUEST, CLOCK);

        assertThat(error.retryAfter()).isEqualTo(Duration.ofHours(48));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "-5", "", "12 seconds", "Mon, 99 May 2026 10:05:00 GMT"})
    void waitsTheDefaultMinuteWhenRetryAfterIsUnreadable(String header) {
        RateLimitedException error = (RateLimitedException) HomeConnectErrors.fromResponse(
                429, Map.of("Retry-After", header), "", REQUEST, CLOCK);

        assertThat(error.retryAfter()).isEqualTo(HomeConnectErrors.DEFAULT_RETRY_AFTER);
        assertThat(error.retryAfterAdvertised()).isFalse();
        assertThat(error.limit()).isEqualTo(RateLimit.UNKNOWN);
    }

    @Test
    void treatsTheKey429AsRateLimitWhateverTheStatus() {
        assertThat(HomeConnectErrors.fromResponse(403, Map.of(), "{\"error\":{\"key\":\"429\"}}", REQUEST, CLOCK))
                .isInstanceOf(RateLimitedException.class);
    }

    // --- hostile bodies ------------------------------------------------------------------------

    static Stream<String> malformedBodies() {
        return Stream.of("", "   ", "<html><body>502 Bad Gateway</body></html>", "{", "[]", "\"error\"", "null", "42",
                "{\"error\":null}", "{\"error\":{}}", "{\"error\":[1,2]}", "{\"error\":{\"key\":{\"nested\":1}}}",
                "{\"error\":{\"key\":\"\",\"description\":\"\"}}", "{\"data\":{}}", "{\"error\":{\"key\":\"x\"",
                "{\"error\":{\"code\":1e999999,\"key\":\"SDK.Error.WrongOperationState\"}}",
                "\uFEFF{\"error\":", "\u0000\u0001\u0002", "[".repeat(100_000), "[".repeat(10_000), "x".repeat(5_000_000),
                "{\"error\":{\"key\":\"" + "k".repeat(60_000) + "\"}}",
                "{\"error\":{\"key\":\"" + "k".repeat(100_000) + "\"}}");
    }

    @ParameterizedTest
    @MethodSource("malformedBodies")
    @NullSource
    void neverFailsOnAMalformedBody(String body) {
        assertThatCode(() -> {
            HomeConnectException error = HomeConnectErrors.fromResponse(409, Map.of(), body, REQUEST, CLOCK);
            assertThat(error).isInstanceOf(ApplianceConflictException.class);
            assertThat(error.httpStatus()).isEqualTo(409);
            assertThat(error.getMessage()).contains(REQUEST, "HTTP 409").hasSizeLessThan(1000);
        }).doesNotThrowAnyException();
    }

    @Test
    void saysWhyAnOversizedBodyWasIgnored() {
        HomeConnectException error = HomeConnectErrors.fromResponse(503, Map.of(), "x".repeat(70_000), REQUEST, CLOCK);

        assertThat(error).isInstanceOf(ServerErrorException.class);
        assertThat(error.getMessage()).contains("70000 characters not parsed");
    }

    @Test
    void saysWhenABodyIsNotJson() {
        HomeConnectException error = HomeConnectErrors.fromResponse(502, Map.of(), "<html>Bad gateway</html>", REQUEST, CLOCK);

        assertThat(error.getMessage()).contains("not JSON").doesNotContain("<html>");
    }

    @Test
    void keepsAnyDescriptionOnOneShortLine() {
        String body = "{\"error\":{\"key\":\"SDK.Error.WrongOperationState\",\"description\":\"line1\\r\\nINFO forged log line"
                + " " + "y".repeat(2_000) + "\"}}";

        HomeConnectException error = HomeConnectErrors.fromResponse(409, Map.of(), body, REQUEST, CLOCK);

        assertThat(error.getMessage()).doesNotContain("\n", "\r");
        assertThat(error.description()).hasValueSatisfying(text -> assertThat(text).hasSizeLessThanOrEqualTo(303));
    }

    // --- secrets -------------------------------------------------------------------------------

    @Test
    void neverPutsACredentialIntoTheMessage() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
        String opaque = "r".repeat(20) + "OPAQUEREFRESH" + "9".repeat(30);
        Map<String, String> headers = Map.of("Authorization", "Bearer HEADERSECRET", "Retry-After", "5");
        String body = "{\"error\":{\"key\":\"invalid_token\",\"description\":\"token " + jwt + " rejected; got Bearer"
                + " ECHOEDSECRET and refresh_token=QUERYSECRET and " + opaque + "\"}}";

        HomeConnectException error = HomeConnectErrors.fromResponse(401, headers, body,
                "GET /api/homeappliances?access_token=PATHSECRET&code=CODESECRET", CLOCK);

        assertThat(error).isInstanceOf(InvalidTokenException.class);
        assertThat(error.getMessage() + error.description().orElse("") + error.request())
                .doesNotContain(jwt, "HEADERSECRET", "ECHOEDSECRET", "QUERYSECRET", "PATHSECRET", "CODESECRET", opaque)
                .contains("[redacted]", "rejected");
    }

    @Test
    void keepsDottedKeysAndApplianceIdsReadable() {
        String body = "{\"error\":{\"key\":\"SDK.Error.HomeAppliance.Connection.Initialization.Failed\","
                + "\"description\":\"HomeAppliance SIEMENS-HCS02DWH1-6BE58C26DCC1 is offline\"}}";

        HomeConnectException error = HomeConnectErrors.fromResponse(409, Map.of(), body, REQUEST, CLOCK);

        assertThat(error.getMessage()).contains("SDK.Error.HomeAppliance.Connection.Initialization.Failed",
                "SIEMENS-HCS02DWH1-6BE58C26DCC1").doesNotContain("[redacted]");
    }
}
