package io.github.camelsmarthome.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One account's OAuth token set, as the token endpoint issued it.
 *
 * <p>{@link #toString()} shows no secret: the access token, the refresh token and every extra value
 * (an {@code id_token}, for instance) are redacted, only the extras' names are shown.
 *
 * @param accessToken  the bearer token for API calls; {@code null} when only a refresh token is known
 * @param refreshToken the token that renews the access token; {@code null} when none was issued
 * @param expiresAt    when the access token expires; {@code null} when the issuer did not say
 * @param scope        the granted scopes, space-separated; may be {@code null}
 * @param tokenType    normally {@code Bearer}; may be {@code null}
 * @param extras       further string fields of the token response or of the account (an
 *                     {@code id_token}, a user id) kept verbatim; never {@code null}
 */
public record OAuthTokens(
        String accessToken,
        String refreshToken,
        Instant expiresAt,
        String scope,
        String tokenType,
        Map<String, String> extras) {

    private static final String REDACTED = "[redacted]";
    private static final Set<String> STANDARD_FIELDS =
            Set.of("access_token", "refresh_token", "expires_in", "scope", "token_type");

    /** Requires at least one token and copies the extras, dropping {@code null} values. */
    public OAuthTokens {
        if (accessToken == null && refreshToken == null) {
            throw new IllegalArgumentException("a token set needs an access token or a refresh token");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        if (extras != null) {
            extras.forEach((name, value) -> {
                if (name != null && value != null) {
                    copy.put(name, value);
                }
            });
        }
        extras = Map.copyOf(copy);
    }

    /**
     * Reads a token-endpoint answer (RFC 6749 section 5.1), as parsed from JSON into a map:
     * {@code access_token}, {@code refresh_token}, {@code expires_in} (seconds, number or string),
     * {@code scope}, {@code token_type}; other scalar fields become extras.
     *
     * @param response   the answer's fields
     * @param receivedAt when the answer arrived, the start of {@code expires_in}
     * @throws IllegalArgumentException when it has no access token or a malformed {@code expires_in};
     *         the message names the field, never a value
     */
    public static OAuthTokens fromTokenResponse(Map<String, ?> response, Instant receivedAt) {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(receivedAt, "receivedAt");
        String accessToken = stringField(response, "access_token");
        if (accessToken == null) {
            throw new IllegalArgumentException("token response has no access_token");
        }
        Instant expiresAt = null;
        Object expiresIn = response.get("expires_in");
        if (expiresIn != null) {
            try {
                long seconds = expiresIn instanceof Number number ? number.longValue() : Long.parseLong(expiresIn.toString().strip());
                expiresAt = receivedAt.plus(Duration.ofSeconds(Math.max(0, seconds)));
            } catch (NumberFormatException | ArithmeticException malformed) {
                throw new IllegalArgumentException("token response has a malformed expires_in");
            }
        }
        Map<String, String> extras = new LinkedHashMap<>();
        response.forEach((name, value) -> {
            if (!STANDARD_FIELDS.contains(name) && (value instanceof CharSequence || value instanceof Number
                    || value instanceof Boolean)) {
                extras.put(name, value.toString());
            }
        });
        return new OAuthTokens(accessToken, stringField(response, "refresh_token"), expiresAt,
                stringField(response, "scope"), stringField(response, "token_type"), extras);
    }

    /** Whether the access token is missing or expired at {@code now}; unknown expiry counts as valid. */
    public boolean isExpiredAt(Instant now) {
        return accessToken == null || (expiresAt != null && !now.isBefore(expiresAt));
    }

    /** Whether the access token is missing or expires within {@code margin} of {@code now}. */
    public boolean expiresWithin(Duration margin, Instant now) {
        return accessToken == null || (expiresAt != null && !now.plus(margin).isBefore(expiresAt));
    }

    /**
     * The token set after a refresh answered {@code refreshed}: its values win, but what it left
     * out is kept. SimpliSafe usually answers without a {@code refresh_token}, and then the old one
     * stays valid; Home Connect rotates it, and then the new one replaces it. Extras are merged.
     */
    public OAuthTokens updatedBy(OAuthTokens refreshed) {
        Map<String, String> mergedExtras = new LinkedHashMap<>(extras);
        mergedExtras.putAll(refreshed.extras());
        return new OAuthTokens(
                refreshed.accessToken() != null ? refreshed.accessToken() : accessToken,
                refreshed.refreshToken() != null ? refreshed.refreshToken() : refreshToken,
                refreshed.accessToken() != null ? refreshed.expiresAt() : expiresAt,
                refreshed.scope() != null ? refreshed.scope() : scope,
                refreshed.tokenType() != null ? refreshed.tokenType() : tokenType,
                mergedExtras);
    }

    /** Shows expiry, scope, type and the names of the extras; every secret is redacted. */
    @Override
    public String toString() {
        return "OAuthTokens[accessToken=" + (accessToken == null ? "none" : REDACTED)
                + ", refreshToken=" + (refreshToken == null ? "none" : REDACTED)
                + ", expiresAt=" + expiresAt
                + ", scope=" + scope
                + ", tokenType=" + tokenType
                + ", extras=" + new TreeSet<>(extras.keySet()) + "]";
    }

    private static String stringField(Map<String, ?> response, String name) {
        Object value = response.get(name);
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.isBlank() ? null : text;
    }
}
