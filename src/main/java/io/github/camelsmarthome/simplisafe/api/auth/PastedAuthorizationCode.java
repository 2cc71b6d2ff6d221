package io.github.camelsmarthome.simplisafe.api.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the authorization code in what a person pastes after the browser login (brief 3.2 step 4).
 * The browser cannot open the app's {@code com.simplisafe.mobile://…?code=…} callback, so people
 * copy whatever DevTools shows: the bare code, the whole callback address, or the console line
 * ("Failed to launch 'com.simplisafe.mobile://…' because …") or the Network tab's
 * {@code Location:} header that contains it. All of these are accepted; the code itself must then
 * be exactly {@value #CODE_LENGTH} characters of {@code [A-Za-z0-9_-]} (Home Assistant checks the
 * length; users often copy the {@code =} in front of it, which is dropped).
 */
public final class PastedAuthorizationCode {

    /** Length of every code the tenant issues (brief 3.2). */
    public static final int CODE_LENGTH = 45;
    /** What to paste, the end of every refusal. */
    static final String WHAT_TO_PASTE = "paste the code (" + CODE_LENGTH + " characters), the whole "
            + "com.simplisafe.mobile://…?code=… address, or the DevTools line that contains it";

    private static final String CALLBACK_SCHEME = "com.simplisafe.mobile://";
    private static final Pattern CODE_SHAPE = Pattern.compile("[A-Za-z0-9_-]{" + CODE_LENGTH + "}");
    /** A query parameter value ends at the next parameter, fragment, quote, bracket or whitespace. */
    private static final Pattern VALUE_END = Pattern.compile("[&#'\"`<>()\\[\\]\\s]");
    /** The callback address ends where DevTools' quoting or the line does. */
    private static final Pattern ADDRESS_END = Pattern.compile("[#'\"`<>()\\[\\]\\s]");
    private static final Pattern CODE_PARAMETER = Pattern.compile("(?:^|[?&\\s'\"])code=");
    private static final Pattern QUOTES = Pattern.compile("^[\\s'\"`]+|[\\s'\"`.,;]+$");

    private PastedAuthorizationCode() {
    }

    /**
     * The code in {@code pasted}.
     *
     * @param pasted        one line as pasted
     * @param expectedState the state of this login; a callback address with another state is refused
     * @throws UnusablePasteException when there is no well-formed code in it; the message is one line
     */
    public static String extract(String pasted, String expectedState) {
        if (pasted == null || pasted.isBlank()) {
            throw new UnusablePasteException("Nothing was pasted: " + WHAT_TO_PASTE + ".");
        }
        String text = pasted.strip();
        int callback = text.toLowerCase(Locale.ROOT).indexOf(CALLBACK_SCHEME);
        if (callback >= 0) {
            return fromCallback(text.substring(callback), expectedState);
        }
        int parameter = codeParameter(text);
        if (parameter >= 0) {
            return checkedShape(valueAt(text, parameter), "The pasted text has a code= that is not a SimpliSafe code");
        }
        String bare = QUOTES.matcher(text).replaceAll("");
        if (bare.startsWith("=")) {
            bare = bare.substring(1);
        }
        return checkedShape(bare, "That is not a SimpliSafe authorization code");
    }

    private static String fromCallback(String fromScheme, String expectedState) {
        String query = "";
        int questionMark = fromScheme.indexOf('?');
        if (questionMark >= 0) {
            Matcher end = ADDRESS_END.matcher(fromScheme);
            query = end.find(questionMark) ? fromScheme.substring(questionMark + 1, end.start()) : fromScheme.substring(questionMark + 1);
        }
        String code = null;
        String state = null;
        String error = null;
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = decode(pair.substring(0, equals));
            String value = decode(pair.substring(equals + 1));
            if (name.equals("code") && code == null) {
                code = value;
            } else if (name.equals("state") && state == null) {
                state = value;
            } else if (name.equals("error") && error == null) {
                error = value;
            }
        }
        if (error != null) {
            throw new UnusablePasteException("The login ended with an error instead of a code (" + printable(error)
                    + "): log in again in a fresh private window, then " + WHAT_TO_PASTE + ".");
        }
        if (code == null || code.isEmpty()) {
            throw new UnusablePasteException("The pasted address carries no code: " + WHAT_TO_PASTE + ".");
        }
        // Auth0 echoes the state; a different one means the address belongs to another login attempt.
        if (state != null && expectedState != null && !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                expectedState.getBytes(StandardCharsets.UTF_8))) {
            throw new UnusablePasteException("The pasted address belongs to another login attempt (its state differs): "
                    + "open the URL printed above and paste what that login returns.");
        }
        return checkedShape(code, "The pasted address has a code that is not a SimpliSafe code");
    }

    /** Where the value of a {@code code=} parameter starts, or -1. */
    private static int codeParameter(String text) {
        Matcher matcher = CODE_PARAMETER.matcher(text);
        return matcher.find() ? matcher.end() : -1;
    }

    private static String valueAt(String text, int start) {
        Matcher end = VALUE_END.matcher(text);
        return decode(end.find(start) ? text.substring(start, end.start()) : text.substring(start));
    }

    private static String checkedShape(String code, String problem) {
        if (CODE_SHAPE.matcher(code).matches()) {
            return code;
        }
        // Say what is wrong with the shape without repeating the characters, which may be a real code.
        String why = code.length() != CODE_LENGTH ? code.length() + " characters instead of " + CODE_LENGTH
                : "characters other than letters, digits, '-' and '_'";
        throw new UnusablePasteException(problem + " (" + why + "): " + WHAT_TO_PASTE + ".");
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value;
        }
    }

    /** An OAuth error code is a short ASCII word; anything else is not repeated. */
    private static String printable(String error) {
        return error.matches("[A-Za-z0-9_.-]{1,40}") ? error : "unreadable error";
    }
}
