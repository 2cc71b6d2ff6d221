package io.github.camelsmarthome.simplisafe.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.auth.RefreshRejectedException;
import io.github.camelsmarthome.auth.TokenRefreshCall;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SimpliSafe login (brief section 3) as the iOS app does it, on a Vert.x {@link HttpClient}:
 *
 * <ol>
 *   <li>{@link #beginLogin()}: a PKCE S256 verifier and challenge, a state, and the authorize URL
 *       with the app's client constants (brief 3.1) for a person to open in a desktop browser;</li>
 *   <li>{@link PastedAuthorizationCode#extract}: the code from what the person pastes back;</li>
 *   <li>{@link #exchangeCode}: {@code POST /oauth/token} (JSON, as the app sends it) with the code
 *       and the verifier;</li>
 *   <li>{@link #fetchUserId}: {@code GET /api/authCheck}, the account's user id;</li>
 *   <li>{@link #refresh}: the {@link TokenRefreshCall} of the account's refresher. SimpliSafe
 *       usually answers without a new refresh token; the old one then stays in use.</li>
 * </ol>
 * A refused refresh ({@code invalid_grant}, {@code invalid_client}, {@code unauthorized_client},
 * 401 or 403 in practice) completes with {@link RefreshRejectedException}; everything else
 * (5xx, 429, no answer, a 401/403 without an OAuth error, which is what IP blocks look like) is
 * transient. Other failures are {@link SimpliSafeAuthException}s. No token, code or verifier is
 * logged or put into a message. Futures complete on a Vert.x event loop: do not block in their
 * callbacks.
 */
public final class SimpliSafeAuthorization implements TokenRefreshCall, AutoCloseable {

    /** {@code client_id} of the SimpliSafe iOS app, the only client issued refresh tokens (brief 3.1). */
    public static final String CLIENT_ID = "42aBZ5lYrVW12jfOuu3CQROitwxg9sN5";
    /** The app's callback; the browser login ends in a redirect to it that carries the code. */
    public static final String REDIRECT_URI = "com.simplisafe.mobile://auth.simplisafe.com/ios/com.simplisafe.mobile/callback";
    /** {@code offline_access} is what earns the refresh token. */
    public static final String SCOPE = "offline_access email openid https://api.simplisafe.com/scopes/user:platform";
    /** The API audience. */
    public static final String AUDIENCE = "https://api.simplisafe.com/";
    /** Base64 of the app's Auth0.swift descriptor, as the app sends it. */
    static final String AUTH0_CLIENT =
            "eyJ2ZXJzaW9uIjoiMi4zLjIiLCJuYW1lIjoiQXV0aDAuc3dpZnQiLCJlbnYiOnsic3dpZnQiOiI1LngiLCJpT1MiOiIxNi4zIn19";
    /** The account name used when none is configured. */
    public static final String DEFAULT_ACCOUNT = "default";

    private static final Logger LOG = LoggerFactory.getLogger(SimpliSafeAuthorization.class);
    private static final Set<String> REFRESH_REJECTIONS = Set.of("invalid_grant", "invalid_client", "unauthorized_client");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXCHANGE = "SimpliSafe token exchange";
    private static final String REFRESH = "SimpliSafe token refresh";
    private static final String AUTH_CHECK = "SimpliSafe auth check";

    private final SimpliSafeAuthOptions options;
    private final Clock clock;
    private final HttpClient httpClient;
    private final AuthHttpExchange http;
    private final SecureRandom random = new SecureRandom();

    /** With the system clock. */
    public SimpliSafeAuthorization(Vertx vertx, SimpliSafeAuthOptions options) {
        this(vertx, options, Clock.systemUTC());
    }

    /**
     * @param vertx   borrowed, never closed here
     * @param options where the tenant and the API are
     * @param clock   the start of each token's {@code expires_in}
     */
    public SimpliSafeAuthorization(Vertx vertx, SimpliSafeAuthOptions options, Clock clock) {
        Objects.requireNonNull(vertx, "vertx");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.httpClient = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.deadline().toMillis())));
        this.http = new AuthHttpExchange(vertx, httpClient);
    }

    /**
     * The name the account's tokens are stored under: {@code simplisafe-} and the first 8 hex digits
     * of the SHA-256 of {@code configuredName} ({@link #DEFAULT_ACCOUNT} when blank). A configured
     * name, not the user id, because the component must find the store before any login (it is
     * off unless a store exists); the user id is kept in the tokens' extras as {@code user_id}.
     */
    public static String accountName(String configuredName) {
        String name = configuredName == null || configuredName.isBlank() ? DEFAULT_ACCOUNT : configuredName.strip();
        return "simplisafe-" + HexFormat.of().formatHex(sha256(name.getBytes(StandardCharsets.UTF_8)), 0, 4);
    }

    /** The options this was made with. */
    public SimpliSafeAuthOptions options() {
        return options;
    }

    /** Starts a login: a fresh verifier (32 random bytes, 43 characters), its S256 challenge, a state, the authorize URL. */
    public SimpliSafeLogin beginLogin() {
        String verifier = randomToken(32);
        String state = randomToken(16);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("audience", AUDIENCE);
        query.put("auth0Client", AUTH0_CLIENT);
        query.put("client_id", CLIENT_ID);
        query.put("code_challenge", BASE64URL.encodeToString(sha256(verifier.getBytes(StandardCharsets.US_ASCII))));
        query.put("code_challenge_method", "S256");
        query.put("device", "iPhone");
        query.put("device_id", UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
        query.put("redirect_uri", REDIRECT_URI);
        query.put("response_type", "code");
        query.put("scope", SCOPE);
        query.put("state", state);
        StringBuilder url = new StringBuilder(options.authUrl()).append("/authorize");
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            url.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
            separator = '&';
        }
        return new SimpliSafeLogin(url.toString(), state, verifier);
    }

    /**
     * Exchanges the code of a finished browser login for tokens. {@code pasted} is anything
     * {@link PastedAuthorizationCode#extract} accepts; an unusable paste fails with
     * {@link UnusablePasteException} without a request. A spent, expired or foreign code, or a
     * verifier that does not match, fails with a {@link SimpliSafeAuthException} whose
     * {@link SimpliSafeAuthException#isInvalidGrant()} is true.
     */
    public CompletableFuture<OAuthTokens> exchangeCode(SimpliSafeLogin login, String pasted) {
        Objects.requireNonNull(login, "login");
        String code;
        try {
            code = PastedAuthorizationCode.extract(pasted, login.state());
        } catch (UnusablePasteException unusable) {
            return CompletableFuture.failedFuture(unusable);
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("grant_type", "authorization_code");
        body.put("client_id", CLIENT_ID);
        body.put("code_verifier", login.codeVerifier());
        body.put("code", code);
        body.put("redirect_uri", REDIRECT_URI);
        LOG.debug("Exchanging a SimpliSafe authorization code at {}/oauth/token", options.authUrl());
        return postToken(body, EXCHANGE).thenApply(tokens -> {
            LOG.debug("SimpliSafe token exchange succeeded (refresh token issued: {}, expires at {})",
                    tokens.refreshToken() != null, tokens.expiresAt());
            return tokens;
        });
    }

    /** {@code GET /api/authCheck} with the access token of {@code tokens}: the account's user id. */
    public CompletableFuture<Long> fetchUserId(OAuthTokens tokens) {
        if (tokens == null || tokens.accessToken() == null) {
            return CompletableFuture.failedFuture(new SimpliSafeAuthException(AUTH_CHECK, 0, null, false,
                    "there is no access token", "Log in again with authorize simplisafe"));
        }
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Authorization", "Bearer " + tokens.accessToken())
                .add("Accept", "application/json");
        return http.send(HttpMethod.GET, options.apiUrl() + "/api/authCheck", headers, null, options.deadline())
                .handle((answer, failure) -> {
                    if (failure != null) {
                        throw noAnswer(AUTH_CHECK, failure, "Check SIMPLISAFE_API_URL and the network");
                    }
                    if (answer.status() != 200) {
                        throw new SimpliSafeAuthException(AUTH_CHECK, answer.status(), null, answer.status() >= 500,
                                "HTTP " + answer.status(), answer.status() == 401 ? "The access token was not accepted; log in again" : null);
                    }
                    JsonNode userId = parse(answer.body()).path("userId");
                    if (!userId.canConvertToLong() && !(userId.isTextual() && userId.asText().matches("\\d{1,18}"))) {
                        throw new SimpliSafeAuthException(AUTH_CHECK, 200, null, false, "the answer has no userId",
                                "Check SIMPLISAFE_API_URL");
                    }
                    return userId.isTextual() ? Long.parseLong(userId.asText()) : userId.asLong();
                });
    }

    /**
     * Renews the access token with the refresh token of {@code current}. The answer usually has no
     * refresh token; {@link OAuthTokens#updatedBy} (applied by the refresher) then keeps the old one.
     */
    @Override
    public CompletionStage<OAuthTokens> refresh(OAuthTokens current) {
        if (current == null || current.refreshToken() == null) {
            return CompletableFuture.failedFuture(new RefreshRejectedException("invalid_grant", "no refresh token is stored"));
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("grant_type", "refresh_token");
        body.put("client_id", CLIENT_ID);
        body.put("refresh_token", current.refreshToken());
        return postToken(body, REFRESH).exceptionallyCompose(failure -> {
            Throwable cause = unwrap(failure);
            if (cause instanceof SimpliSafeAuthException refused && refused.error() != null
                    && REFRESH_REJECTIONS.contains(refused.error())) {
                return CompletableFuture.failedFuture(new RefreshRejectedException(refused.error(),
                        "the refresh token is unknown, expired or revoked; run authorize simplisafe again"));
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    /** Closes the connections; the borrowed {@link Vertx} stays open. */
    @Override
    public void close() {
        httpClient.close();
    }

    @Override
    public String toString() {
        return "SimpliSafeAuthorization[" + options.authUrl() + "]";
    }

    private CompletableFuture<OAuthTokens> postToken(ObjectNode body, String call) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", "application/json")
                .add("Accept", "application/json")
                .add("Auth0-Client", AUTH0_CLIENT);
        Buffer payload;
        try {
            payload = Buffer.buffer(JSON.writeValueAsBytes(body));
        } catch (IOException impossible) {
            return CompletableFuture.failedFuture(new IllegalStateException("cannot write a JSON object"));
        }
        return http.send(HttpMethod.POST, options.authUrl() + "/oauth/token", headers, payload, options.deadline())
                .handle((answer, failure) -> {
                    if (failure != null) {
                        throw noAnswer(call, failure, "Check SIMPLISAFE_AUTH_URL and the network, then try again");
                    }
                    return tokensFrom(answer, call);
                });
    }

    private OAuthTokens tokensFrom(AuthHttpExchange.Answer answer, String call) {
        int status = answer.status();
        if (status == 200) {
            JsonNode json = parse(answer.body());
            Map<String, Object> fields = new LinkedHashMap<>();
            json.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                if (value.isNumber()) {
                    fields.put(field.getKey(), value.numberValue());
                } else if (value.isTextual() || value.isBoolean()) {
                    fields.put(field.getKey(), value.asText());
                }
            });
            try {
                return OAuthTokens.fromTokenResponse(fields, clock.instant());
            } catch (IllegalArgumentException unusable) {
                // The message names the field, never a value.
                throw new SimpliSafeAuthException(call, status, null, false, unusable.getMessage(), "Check SIMPLISAFE_AUTH_URL");
            }
        }
        JsonNode json = parseQuietly(answer.body());
        String error = json == null ? null : word(json.path("error").asText(null));
        boolean transientFailure = status >= 500 || status == 429 || status == 408
                || ((status == 401 || status == 403) && error == null);
        String what = "HTTP " + status + (error == null ? "" : " " + error);
        throw switch (error == null ? "" : error) {
            case "invalid_grant" -> new SimpliSafeAuthException(call, status, error, false, what,
                    call.equals(EXCHANGE)
                            ? "The code was already used, expired (it lives a few minutes) or belongs to another login; "
                                    + "run authorize simplisafe again and paste the new code at once"
                            : "The refresh token was revoked (a password change does that); run authorize simplisafe again");
            case "invalid_client", "unauthorized_client" -> new SimpliSafeAuthException(call, status, error, false, what,
                    "SimpliSafe no longer accepts the iOS app client this bundle impersonates; a newer version is needed");
            default -> new SimpliSafeAuthException(call, status, error, transientFailure, what,
                    transientFailure ? "SimpliSafe may be busy or blocking this address; try again later" : null);
        };
    }

    private static SimpliSafeAuthException noAnswer(String call, Throwable failure, String advice) {
        Throwable cause = unwrap(failure);
        if (cause instanceof SimpliSafeAuthException known) {
            return known;
        }
        return new SimpliSafeAuthException(call, 0, null, true, cause instanceof AuthHttpExchange.NoAnswer
                ? cause.getMessage() : cause.getClass().getSimpleName(), advice);
    }

    private static JsonNode parse(byte[] body) {
        JsonNode json = parseQuietly(body);
        if (json == null || !json.isObject()) {
            throw new SimpliSafeAuthException("SimpliSafe", 200, null, false, "the answer is not a JSON object",
                    "Check SIMPLISAFE_AUTH_URL and SIMPLISAFE_API_URL");
        }
        return json;
    }

    private static JsonNode parseQuietly(byte[] body) {
        try {
            return body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** An OAuth error code is a short word; anything else is not repeated. */
    private static String word(String error) {
        return error != null && error.matches("[A-Za-z0-9_.-]{1,40}") ? error.toLowerCase(Locale.ROOT) : null;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private String randomToken(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return BASE64URL.encodeToString(value);
    }

    private static byte[] sha256(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (NoSuchAlgorithmException required) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", required);
        }
    }
}
