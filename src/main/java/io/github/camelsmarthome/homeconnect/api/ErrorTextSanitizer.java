package io.github.camelsmarthome.homeconnect.api;

import java.util.regex.Pattern;

/**
 * Makes text that came from outside safe to put into an exception message: the server's
 * description, the error key, the caller's request description. A misbehaving proxy or server
 * may echo the request, so anything shaped like a credential is masked, and log injection via
 * line breaks is prevented.
 */
final class ErrorTextSanitizer {

    static final String MASK = "[redacted]";

    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[^\\s\"',;]+");
    /** A JWT always starts with {@code eyJ}, the base64 of <code>{"</code>; plain dotted keys do not. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(?i)\\b((?:access|refresh|id)_token|token|client_secret|code_verifier|device_code|password|authorization)"
                    + "(\"?\\s*[=:]\\s*\"?)[^&\\s\"',;}]+");
    private static final Pattern CODE_PARAM = Pattern.compile("(?i)([?&]code=)[^&\\s\"',;]+");
    /** Opaque refresh tokens have no shape; a long unbroken run of token characters is masked. */
    private static final Pattern LONG_OPAQUE = Pattern.compile("[A-Za-z0-9_\\-+=]{48,}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]+");

    private ErrorTextSanitizer() {
    }

    /** Returns {@code text} masked, on one line and at most {@code maxLength} characters, or {@code null} for blank. */
    static String clean(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        // Truncate generously first so that the regexes never run over a huge string.
        String value = text.length() > maxLength * 4 ? text.substring(0, maxLength * 4) : text;
        value = CONTROL.matcher(value).replaceAll(" ").strip();
        value = BEARER.matcher(value).replaceAll("$1 " + MASK);
        value = JWT.matcher(value).replaceAll(MASK);
        value = SECRET_FIELD.matcher(value).replaceAll("$1$2" + MASK);
        value = CODE_PARAM.matcher(value).replaceAll("$1" + MASK);
        value = LONG_OPAQUE.matcher(value).replaceAll(MASK);
        if (value.isEmpty()) {
            return null;
        }
        return value.length() > maxLength ? value.substring(0, maxLength) + "..." : value;
    }
}
