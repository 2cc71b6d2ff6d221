package io.github.camelsmarthome.homeconnect.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns a failed Home Connect answer into the {@link HomeConnectException} a caller can act on.
 *
 * <p>The error key decides first, because clients in the wild test the key rather than the status
 * and some keys arrive with varying statuses ({@code NotAvailableByList} is "a 4xx"); the status
 * decides when the key is missing or unknown. A 429 status or the key {@code "429"} always means
 * {@link RateLimitedException}. This factory never throws: whatever the body, the result is an
 * exception carrying the status, and the key and description when the body had them.
 *
 * <p>Headers are only read for {@code Retry-After}; no header value, and in particular no
 * {@code Authorization} value, ever reaches a message.
 */
public final class HomeConnectErrors {

    /** The wait used when a 429 names none, the value Home Assistant uses ({@code API_DEFAULT_RETRY_AFTER}). */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);

    static final int MAX_DESCRIPTION_CHARS = 300;
    static final int MAX_KEY_CHARS = 120;

    private static final String RATE_LIMIT_KEY = "429";
    private static final String OFFLINE_KEY = "SDK.Error.HomeAppliance.Connection.Initialization.Failed";

    /** Keys are compared case-insensitively: the service's spelling is not guaranteed stable. */
    private static final Map<String, Function<ErrorDetails, HomeConnectException>> BY_KEY = Map.ofEntries(
            Map.entry(lower(OFFLINE_KEY), ApplianceOfflineException::new),
            Map.entry(lower("SDK.Error.NoProgramActive"), NoProgramActiveException::new),
            Map.entry(lower("SDK.Error.NoProgramSelected"), NoProgramSelectedException::new),
            Map.entry(lower("SDK.Error.UnsupportedOperation"), UnsupportedByApplianceException::new),
            Map.entry(lower("SDK.Error.UnsupportedProgram"), UnsupportedByApplianceException::new),
            Map.entry(lower("SDK.Error.UnsupportedOption"), UnsupportedByApplianceException::new),
            Map.entry(lower("SDK.Error.UnsupportedSetting"), UnsupportedByApplianceException::new),
            Map.entry(lower("SDK.Error.WrongOperationState"), ApplianceStateConflictException::new),
            Map.entry(lower("SDK.Error.ProgramNotAvailable"), ApplianceStateConflictException::new),
            Map.entry(lower("SDK.Error.ActiveProgramNotSet"), ApplianceStateConflictException::new),
            Map.entry(lower("SDK.Error.SelectedProgramNotSet"), ApplianceStateConflictException::new),
            Map.entry(lower("SDK.Error.ActiveProgramSet"), ApplianceStateConflictException::new),
            Map.entry(lower("SDK.Error.InvalidSettingState"), ApplianceStateConflictException::new),
            Map.entry(lower("SDK.Error.InvalidSettingValue"), InvalidValueException::new),
            Map.entry(lower("BSH.Common.Error.WriteRequest.NotAvailableByList"), InvalidValueException::new),
            Map.entry(lower("BSH.Common.Error.RemoteControlNotActive"), RemoteControlNotAllowedException::new),
            Map.entry(lower("BSH.Common.Error.RemoteStartNotActive"), RemoteControlNotAllowedException::new),
            Map.entry(lower("BSH.Common.Error.LockedByLocalControl"), RemoteControlNotAllowedException::new),
            Map.entry(lower("SDK.Error.WrongDoorState"), AppliancePreconditionException::new),
            Map.entry(lower("SDK.Error.BatteryLevelTooLow"), AppliancePreconditionException::new),
            Map.entry(lower("SDK.Error.Cooking.Oven.Status.FrontPanelOpen"), AppliancePreconditionException::new),
            Map.entry(lower("SDK.Error.Cooking.Oven.Status.MeatprobePlugged"), AppliancePreconditionException::new),
            Map.entry(lower("SDK.Error.ConsumerProducts.CleaningRobot.Status.Lifted"), AppliancePreconditionException::new),
            Map.entry(lower("SDK.Error.ConsumerProducts.CleaningRobot.Status.DustBoxNotInserted"),
                    AppliancePreconditionException::new),
            Map.entry(lower("SDK.Error.ConsumerProducts.CleaningRobot.Status.AlreadyAtHome"),
                    AppliancePreconditionException::new),
            Map.entry(lower("invalid_token"), InvalidTokenException::new),
            Map.entry(lower("insufficient_scope"), InsufficientScopeException::new),
            Map.entry(lower("SDK.Simulator.InternalError"), ServerErrorException::new));

    /** The appliance-specific refusals share this shape; new ones (other appliance types) follow it. */
    private static final Pattern APPLIANCE_STATUS_KEY = Pattern.compile("(?i)SDK\\.Error\\..+\\.Status\\..+");

    private HomeConnectErrors() {
    }

    /**
     * Builds the exception for a failed answer, measuring an HTTP-date {@code Retry-After} from
     * the system clock.
     *
     * @param status  the HTTP status of the answer
     * @param headers the answer's headers (any case, may be {@code null}); only {@code Retry-After} is read
     * @param body    the answer's body as text (may be {@code null}, empty, malformed or huge)
     * @param requestDescription what was asked, e.g. {@code "PUT /api/homeappliances/{haId}/programs/active"};
     *                sanitised before use, but pass no query string with credentials anyway
     */
    public static HomeConnectException fromResponse(int status, Map<String, String> headers, String body,
            String requestDescription) {
        return fromResponse(status, headers, body, requestDescription, Clock.systemUTC());
    }

    /** As {@link #fromResponse(int, Map, String, String)}, with the clock an HTTP-date {@code Retry-After} is measured by. */
    public static HomeConnectException fromResponse(int status, Map<String, String> headers, String body,
            String requestDescription, Clock clock) {
        ErrorEnvelope envelope = ErrorEnvelope.parse(body);
        String key = ErrorTextSanitizer.clean(envelope.key(), MAX_KEY_CHARS);
        String description = ErrorTextSanitizer.clean(envelope.description(), MAX_DESCRIPTION_CHARS);
        ErrorDetails details = new ErrorDetails(status, key, description, envelope.applianceErrorCode(),
                request(requestDescription), envelope.bodyNote());
        if (status == 429 || RATE_LIMIT_KEY.equals(key)) {
            return rateLimited(details, header(headers, "Retry-After"), clock);
        }
        if (key != null) {
            Function<ErrorDetails, HomeConnectException> byKey = BY_KEY.get(lower(key));
            if (byKey != null) {
                return byKey.apply(details);
            }
            if (APPLIANCE_STATUS_KEY.matcher(key).matches() && status >= 400 && status < 500) {
                return new AppliancePreconditionException(details);
            }
        }
        return byStatus(details);
    }

    /**
     * Builds the exception for a request that got no answer in time; {@link HomeConnectException#httpStatus()}
     * is 0.
     */
    public static RequestTimeoutException noResponse(String requestDescription, Duration waited) {
        String note = waited == null ? null : "no answer within " + waited.toMillis() + " ms";
        return new RequestTimeoutException(new ErrorDetails(0, null, null, null, request(requestDescription), note));
    }

    private static HomeConnectException byStatus(ErrorDetails details) {
        int status = details.httpStatus();
        return switch (status) {
            case 400 -> new BadRequestException(details);
            case 401 -> new InvalidTokenException(details);
            case 403 -> new InsufficientScopeException(details);
            case 404 -> new ResourceNotFoundException(details);
            case 405, 406, 415 -> new ProtocolMismatchException(details);
            case 408 -> new RequestTimeoutException(details);
            case 409 -> looksOffline(details) ? new ApplianceOfflineException(details)
                    : new ApplianceConflictException(details);
            default -> status >= 500 && status <= 599 ? new ServerErrorException(details)
                    : new UnexpectedResponseException(details);
        };
    }

    /** openHAB's rule for 409 answers whose key is unknown: a description mentioning "offline". */
    private static boolean looksOffline(ErrorDetails details) {
        return details.description() != null && details.description().toLowerCase(Locale.ROOT).contains("offline");
    }

    private static RateLimitedException rateLimited(ErrorDetails details, String retryAfterHeader, Clock clock) {
        Optional<Duration> advertised = RetryAfter.fromHeader(retryAfterHeader, clock.instant())
                .or(() -> RetryAfter.fromDescription(details.description()));
        return new RateLimitedException(details, advertised.orElse(DEFAULT_RETRY_AFTER), advertised.isPresent(),
                limitNamedIn(details.description()));
    }

    /**
     * Which limit a BSH description names, e.g. {@code The rate limit "10 successive error calls in
     * 10 minutes" was reached}. Order matters: "error ... minutes" is the error lock, "starts ... minute"
     * the start limit.
     */
    static RateLimit limitNamedIn(String description) {
        if (description == null) {
            return RateLimit.UNKNOWN;
        }
        String text = description.toLowerCase(Locale.ROOT);
        int open = text.indexOf('"');
        int close = open < 0 ? -1 : text.indexOf('"', open + 1);
        if (close > open) {
            text = text.substring(open + 1, close);
        } else {
            // Without a quoted limit, ignore the "blocked for N seconds" tail: it names the wait, not the limit.
            int tail = text.indexOf("blocked");
            text = tail > 0 ? text.substring(0, tail) : text;
        }
        if (text.contains("successive") || text.contains("error")) {
            return RateLimit.SUCCESSIVE_ERRORS;
        }
        if (text.contains("start")) {
            return RateLimit.PROGRAM_STARTS;
        }
        if (text.contains("stop")) {
            return RateLimit.PROGRAM_STOPS;
        }
        if (text.contains("channel") || text.contains("monitoring") || text.contains("event")) {
            return RateLimit.EVENT_CHANNELS;
        }
        if (text.contains("day")) {
            return RateLimit.DAILY;
        }
        if (text.contains("second")) {
            return RateLimit.PER_SECOND;
        }
        if (text.contains("minute")) {
            return RateLimit.PER_MINUTE;
        }
        return RateLimit.UNKNOWN;
    }

    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        try {
            for (Map.Entry<String, String> header : headers.entrySet()) {
                if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue();
                }
            }
        } catch (RuntimeException unusualMap) {
            // A map implementation that refuses iteration must not turn an HTTP error into a crash.
            return null;
        }
        return null;
    }

    private static String request(String requestDescription) {
        String cleaned = ErrorTextSanitizer.clean(requestDescription, MAX_DESCRIPTION_CHARS);
        return cleaned == null ? "Home Connect request" : cleaned;
    }

    private static String lower(String key) {
        return key.toLowerCase(Locale.ROOT);
    }
}
