package io.github.camelsmarthome.simulator.simplisafe;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * Runs the simulator on its own, for {@code simulate simplisafe} and for developing routes:
 * prints the three base URLs, the account, and how to log in through the PKCE flow.
 *
 * <pre>
 * --port N                    TCP port (default 0: a free one)
 * --host H                    interface (default 127.0.0.1)
 * --time-scale X              system seconds per real second for exit/entry delays (default 1)
 * --auto-login                /authorize answers the 302 with the code at once (no login page)
 * --token-lifetime-seconds N  access-token lifetime (default 3600)
 * --rotate-refresh-tokens     refreshes answer a new refresh token and retire the old one
 * --socket-403                every websocket upgrade is answered HTTP 403
 * --subscribed-type T         namespace (default) or service: the subscribed message's type
 * </pre>
 */
public final class SimpliSafeSimulatorLauncher {

    private SimpliSafeSimulatorLauncher() {
    }

    /** Starts a simulator and prints how to use it to {@code out}. */
    public static SimpliSafeSimulator launch(SimpliSafeSimulatorOptions options, PrintStream out) {
        SimpliSafeSimulator simulator = SimpliSafeSimulator.start(options);
        out.print(banner(simulator));
        out.flush();
        return simulator;
    }

    /** The lines {@code simulate simplisafe} prints. */
    public static String banner(SimpliSafeSimulator simulator) {
        String verifier = exampleVerifier();
        String authorize = simulator.authUrl() + "/authorize?client_id=" + MobileAppClient.CLIENT_ID
                + "&redirect_uri=" + encode(MobileAppClient.REDIRECT_URI) + "&response_type=code"
                + "&scope=" + encode(MobileAppClient.SCOPE) + "&audience=" + encode(MobileAppClient.AUDIENCE)
                + "&code_challenge=" + Pkce.challengeOf(verifier) + "&code_challenge_method=S256";
        StringBuilder text = new StringBuilder();
        text.append("SimpliSafe simulator running\n");
        text.append("  auth URL        ").append(simulator.authUrl()).append("   (/authorize, /oauth/token)\n");
        text.append("  API URL         ").append(simulator.apiUrl()).append('\n');
        text.append("  websocket URL   ").append(simulator.webSocketUrl())
                .append(simulator.sockets().rejectsUpgrades() ? "   (403 mode: every upgrade is refused)" : "").append('\n');
        text.append("  client id       ").append(MobileAppClient.CLIENT_ID).append('\n');
        text.append("  redirect URI    ").append(MobileAppClient.REDIRECT_URI).append('\n');
        text.append("  account         ").append(simulator.email()).append(" / ").append(simulator.password())
                .append("   (user ").append(simulator.userId()).append(", system ").append(simulator.system().sid()).append(")\n");
        text.append("  how to log in (authorization code + PKCE S256, brief section 3.2)\n");
        text.append("    1. open the authorize URL built from your code challenge, for example with code_verifier\n");
        text.append("       ").append(verifier).append(":\n");
        text.append("       ").append(authorize).append('\n');
        text.append(simulator.auth().isAutoLogin()
                ? "    2. you are signed in at once: the answer is a 302 to " + MobileAppClient.REDIRECT_URI + "?code=<45 characters>\n"
                : "    2. sign in with the account above; the answer is a 302 to " + MobileAppClient.REDIRECT_URI + "?code=<45 characters>\n");
        text.append("       which a browser cannot open: copy the code from the Location header (DevTools, or curl -i)\n");
        text.append("    3. POST ").append(simulator.authUrl()).append("/oauth/token with JSON {\"grant_type\":\"authorization_code\",")
                .append("\"client_id\":\"").append(MobileAppClient.CLIENT_ID).append("\",\"code_verifier\":\"<verifier>\",")
                .append("\"code\":\"<code>\",\"redirect_uri\":\"").append(MobileAppClient.REDIRECT_URI).append("\"}\n");
        return text.toString();
    }

    /** Reads the command-line options; throws {@link IllegalArgumentException} on a bad one. */
    public static SimpliSafeSimulatorOptions parse(String[] args) {
        SimpliSafeSimulatorOptions.Builder builder = SimpliSafeSimulatorOptions.builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> builder.port(number(value(args, ++i, arg), arg));
                case "--host" -> builder.host(value(args, ++i, arg));
                case "--time-scale" -> builder.timeScale(decimal(value(args, ++i, arg), arg));
                case "--auto-login" -> builder.autoLogin(true);
                case "--token-lifetime-seconds" -> builder.accessTokenLifetime(Duration.ofSeconds(number(value(args, ++i, arg), arg)));
                case "--rotate-refresh-tokens" -> builder.rotateRefreshTokens(true);
                case "--socket-403" -> builder.rejectSocketUpgrades(true);
                case "--subscribed-type" -> builder.subscribedMessageType(subscribedType(value(args, ++i, arg)));
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        return builder.build();
    }

    /** The option summary. */
    public static String usage() {
        return "usage: simulate simplisafe [--port N] [--host H] [--time-scale X] [--auto-login] [--token-lifetime-seconds N]"
                + " [--rotate-refresh-tokens] [--socket-403] [--subscribed-type namespace|service]";
    }

    private static SubscribedMessageType subscribedType(String value) {
        try {
            return SubscribedMessageType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--subscribed-type is namespace or service, got " + value, e);
        }
    }

    private static int number(String value, String option) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got " + value, e);
        }
    }

    private static double decimal(String value, String option) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got " + value, e);
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static String exampleVerifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
