package io.github.camelsmarthome.auth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes known token values from text before it is logged or put into a status: exception
 * messages from a supplied {@link TokenRefreshCall} may quote a request or an answer.
 */
final class SecretMask {

    static final String MASK = "[redacted]";
    /** Shorter values are not masked: replacing every "a" of a message helps nobody. */
    private static final int MIN_SECRET_CHARS = 6;
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)\\s+[^\\s\"',;]+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]+");
    private static final int MAX_CHARS = 300;

    private SecretMask() {
    }

    /** {@code text} on one line, at most 300 characters, without any secret of {@code known}. */
    static String mask(String text, OAuthTokens... known) {
        if (text == null) {
            return "";
        }
        List<String> secrets = new ArrayList<>();
        for (OAuthTokens tokens : known) {
            if (tokens != null) {
                secrets.add(tokens.accessToken());
                secrets.add(tokens.refreshToken());
                secrets.addAll(tokens.extras().values());
            }
        }
        // Longest first, so a secret that contains another is masked whole.
        secrets.sort(Comparator.nullsLast(Comparator.comparingInt(String::length).reversed()));
        String masked = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= MIN_SECRET_CHARS) {
                masked = masked.replace(secret, MASK);
            }
        }
        masked = BEARER.matcher(masked).replaceAll("$1 " + MASK);
        masked = CONTROL.matcher(masked).replaceAll(" ");
        return masked.length() > MAX_CHARS ? masked.substring(0, MAX_CHARS) + "..." : masked;
    }

    /** {@code failure} as "Type: masked message", for logs and status details. */
    static String describe(Throwable failure, OAuthTokens... known) {
        String message = failure.getMessage();
        String type = failure.getClass().getSimpleName();
        return message == null ? type : type + ": " + mask(message, known);
    }
}
