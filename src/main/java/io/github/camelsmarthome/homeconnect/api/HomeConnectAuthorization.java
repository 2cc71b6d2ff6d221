package io.github.camelsmarthome.homeconnect.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.auth.RefreshRejectedException;
import io.github.camelsmarthome.auth.TokenRefreshCall;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The OAuth side of Home Connect (developer brief, section 2): the device flow and the
 * authorization-code flow that produce a first token set, and the refresh that keeps it alive
 * (this class is the {@link TokenRefreshCall} of the account's {@code TokenRefresher}).
 *
 * <ul>
 *   <li>Device flow: {@link #startDeviceAuthorization()}, show the user code, then
 *       {@link #awaitDeviceApproval}.</li>
 *   <li>Authorization code: {@link #beginAuthorizationCode(String)} (state and PKCE S256), open its
 *       URL, then {@link #exchangeCode} with the redirect URL or the bare code.</li>
 *   <li>Refresh: form-encoded, client secret only when configured. {@code invalid_grant},
 *       {@code invalid_client} and {@code unauthorized_client} mean a person must authorise again
 *       and fail with {@link RefreshRejectedException}; everything else is transient.</li>
 * </ul>
 * Token-endpoint calls ask the optional {@link RequestBudget} first ({@link RequestKind#TOKEN}).
 * No token, code, verifier or secret is logged or put into an exception message.
 */
public final class HomeConnectAuthorization implements TokenRefreshCall, AutoCloseable {

    /** The OAuth errors after which only a new authorisation helps (brief section 2.5). */
    private static final Set<String> REFRESH_REJECTIONS = Set.of("invalid_grant", "invalid_client", "unauthorized_client");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final Vertx vertx;
    private final HomeConnectOAuthOptions options;
    private final Clock clock;
    private final HttpClient httpClient;
    private final TokenEndpoint endpoint;
    private final DeviceFlowPoller poller;
    private final SecureRandom random = new SecureRandom();

    /** Without a request budget: for the one-time login of the runner. */
    public HomeConnectAuthorization(Vertx vertx, HomeConnectOAuthOptions options) {
        this(vertx, options, null, Clock.systemUTC());
    }

    /**
     * @param vertx   borrowed, never closed here
     * @param budget  the account's budget, asked before each token-endpoint call; may be {@code null}
     * @param clock   the start of each token's {@code expires_in}, and the device-flow deadline
     */
    public HomeConnectAuthorization(Vertx vertx, HomeConnectOAuthOptions options, RequestBudget budget, Clock clock) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.httpClient = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis())));
        this.endpoint = new TokenEndpoint(new HttpRoundTrip(vertx, httpClient), options, budget, clock);
        this.poller = new DeviceFlowPoller(vertx, endpoint, options, clock);
    }

    /**
     * The name under which the tokens of the application {@code clientId} are stored:
     * {@code homeconnect-} and the first 8 hex digits of the SHA-256 of the client id. Stable across
     * runs, and it does not reveal the client id in file names.
     */
    public static String accountName(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(clientId.strip().getBytes(StandardCharsets.UTF_8));
            return "homeconnect-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException required) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", required);
        }
    }

    /** The options this was made with. */
    public HomeConnectOAuthOptions options() {
        return options;
    }

    /** Starts a device-flow login: {@code POST /security/oauth/device_authorization} with the client id and scopes. */
    public CompletableFuture<DeviceAuthorization> startDeviceAuthorization() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", options.clientId());
        form.put("scope", options.scope());
        return endpoint.post(TokenEndpoint.DEVICE_AUTHORIZATION_PATH, form, "device authorization")
                .thenApply(this::deviceAuthorizationFrom)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(deviceStartFailure(failure)));
    }

    /**
     * Polls until the login of {@code login} is approved. Fails with
     * {@link DeviceAuthorizationExpiredException}, {@link AuthorizationDeniedException} or another
     * {@link OAuthEndpointException}; cancel the future to stop polling.
     */
    public CompletableFuture<OAuthTokens> awaitDeviceApproval(DeviceAuthorization login, DevicePollListener listener) {
        return poller.await(Objects.requireNonNull(login, "login"), listener == null ? DevicePollListener.ignoring() : listener);
    }

    /**
     * Starts an authorization-code login with a fresh state and PKCE S256 challenge; open
     * {@link AuthorizationCodeRequest#authorizationUrl()} in a browser.
     *
     * @param redirectUri a redirect URI registered for the application, exactly as registered
     */
    public AuthorizationCodeRequest beginAuthorizationCode(String redirectUri) {
        if (redirectUri == null || redirectUri.isBlank()) {
            throw new IllegalArgumentException("redirectUri must be the redirect URI registered for the application");
        }
        String state = randomToken(16);
        String verifier = randomToken(32);
        String challenge = BASE64URL.encodeToString(sha256(verifier));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", options.clientId());
        query.put("redirect_uri", redirectUri);
        query.put("response_type", "code");
        query.put("scope", options.scope());
        query.put("state", state);
        query.put("code_challenge", challenge);
        query.put("code_challenge_method", "S256");
        StringBuilder url = new StringBuilder(options.baseUrl()).append("/security/oauth/authorize");
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            // The brief asks for %20 between scopes; URLEncoder writes '+', and a literal '+' would be %2B.
            url.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
            separator = '&';
        }
        return new AuthorizationCodeRequest(url.toString(), redirectUri, state, verifier);
    }

    /**
     * Exchanges the code of a finished browser login for tokens. {@code redirectOrCode} is the whole
     * URL the browser was sent back to (its {@code state} is checked, an {@code error} is reported)
     * or the bare code.
     */
    public CompletableFuture<OAuthTokens> exchangeCode(AuthorizationCodeRequest login, String redirectOrCode) {
        Objects.requireNonNull(login, "login");
        String code;
        try {
            code = codeFrom(login, redirectOrCode);
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("client_id", options.clientId());
        form.put("redirect_uri", login.redirectUri());
        form.put("code_verifier", login.codeVerifier());
        form.put("client_secret", options.clientSecret());
        return endpoint.post(TokenEndpoint.TOKEN_PATH, form, "authorization_code grant")
                .thenApply(json -> DeviceFlowPoller.tokensFrom(json, clock.instant()))
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(HomeConnectCall.unwrap(failure)));
    }

    /**
     * Renews the access token with the refresh token of {@code current}: the {@link TokenRefreshCall}
     * of the account's refresher. The answer's new refresh token replaces the old one (rotation).
     */
    @Override
    public CompletionStage<OAuthTokens> refresh(OAuthTokens current) {
        if (current == null || current.refreshToken() == null) {
            return CompletableFuture.failedFuture(new RefreshRejectedException("invalid_grant", "no refresh token is stored"));
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", current.refreshToken());
        form.put("client_id", options.clientId());
        form.put("client_secret", options.clientSecret());
        return endpoint.post(TokenEndpoint.TOKEN_PATH, form, "refresh_token grant")
                .thenApply(json -> DeviceFlowPoller.tokensFrom(json, clock.instant()))
                .exceptionallyCompose(failure -> {
                    Throwable cause = HomeConnectCall.unwrap(failure);
                    if (cause instanceof OAuthEndpointException refusal && refusal.error() != null
                            && REFRESH_REJECTIONS.contains(refusal.error().toLowerCase(Locale.ROOT))) {
                        return CompletableFuture.failedFuture(new RefreshRejectedException(refusal.error(),
                                refusal.description().orElse(null)));
                    }
                    return CompletableFuture.failedFuture(cause);
                });
    }

    /** Closes the connections to the OAuth endpoints; the borrowed {@link Vertx} stays open. */
    @Override
    public void close() {
        httpClient.close();
    }

    @Override
    public String toString() {
        return "HomeConnectAuthorization[" + options + "]";
    }

    private DeviceAuthorization deviceAuthorizationFrom(JsonNode json) {
        String deviceCode = text(json, "device_code");
        String userCode = text(json, "user_code");
        String verificationUri = text(json, "verification_uri");
        if (deviceCode == null || userCode == null || verificationUri == null) {
            throw new OAuthEndpointException("Home Connect " + TokenEndpoint.DEVICE_AUTHORIZATION_PATH, 200, null,
                    "the answer lacks device_code, user_code or verification_uri", null,
                    "Check HOMECONNECT_API_URL; the BSH simulator does not offer the device flow, use --code there.");
        }
        long expiresIn = json.path("expires_in").canConvertToLong() ? json.path("expires_in").asLong(300) : 300;
        long interval = json.path("interval").canConvertToLong() ? json.path("interval").asLong(5) : 5;
        return new DeviceAuthorization(deviceCode, userCode, verificationUri, text(json, "verification_uri_complete"),
                clock.instant().plusSeconds(Math.max(1, Math.min(expiresIn, 3600))),
                Duration.ofSeconds(Math.max(0, Math.min(interval, 300))));
    }

    private static Throwable deviceStartFailure(Throwable failure) {
        Throwable cause = HomeConnectCall.unwrap(failure);
        if (cause instanceof OAuthEndpointException refusal && "access_denied".equals(refusal.error())) {
            return new AuthorizationDeniedException("Home Connect " + TokenEndpoint.DEVICE_AUTHORIZATION_PATH,
                    refusal.httpStatus(), refusal.error(), refusal.description().orElse(null));
        }
        return cause;
    }

    /** The code of a redirect URL (state checked, error reported) or the bare code. */
    private static String codeFrom(AuthorizationCodeRequest login, String redirectOrCode) {
        if (redirectOrCode == null || redirectOrCode.isBlank()) {
            throw new IllegalArgumentException("Paste the URL the browser was sent back to, or the code in it");
        }
        String input = redirectOrCode.strip();
        if (!input.contains("?") && !input.contains("=")) {
            return input;
        }
        String query = input.contains("?") ? input.substring(input.indexOf('?') + 1) : input;
        int fragment = query.indexOf('#');
        query = fragment >= 0 ? query.substring(0, fragment) : query;
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        String endpoint = "Home Connect /security/oauth/authorize";
        if (parameters.containsKey("error")) {
            String error = ErrorTextSanitizer.clean(parameters.get("error"), HomeConnectErrors.MAX_KEY_CHARS);
            String description = ErrorTextSanitizer.clean(parameters.get("error_description"), HomeConnectErrors.MAX_DESCRIPTION_CHARS);
            if ("access_denied".equals(error)) {
                throw new AuthorizationDeniedException(endpoint, 302, error, description);
            }
            throw new OAuthEndpointException(endpoint, 302, error, description, null, TokenEndpoint.adviceFor(error));
        }
        String state = parameters.get("state");
        if (state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8), login.state().getBytes(StandardCharsets.UTF_8))) {
            throw new IllegalArgumentException("The redirect's state does not match this login: it belongs to another "
                    + "attempt or was forged. Start the authorisation again.");
        }
        String code = parameters.get("code");
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("The redirect URL carries no code");
        }
        return code;
    }

    private String randomToken(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return BASE64URL.encodeToString(value);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException required) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", required);
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }
}
