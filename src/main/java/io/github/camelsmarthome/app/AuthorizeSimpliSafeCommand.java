package io.github.camelsmarthome.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.camelsmarthome.InvalidConfigurationException;
import io.github.camelsmarthome.auth.FileTokenStore;
import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.auth.TokenStoreFolder;
import io.github.camelsmarthome.simplisafe.api.auth.PastedAuthorizationCode;
import io.github.camelsmarthome.simplisafe.api.auth.SimpliSafeAuthOptions;
import io.github.camelsmarthome.simplisafe.api.auth.SimpliSafeAuthorization;
import io.github.camelsmarthome.simplisafe.api.auth.SimpliSafeLogin;
import io.github.camelsmarthome.simplisafe.api.auth.UnusablePasteException;
import io.vertx.core.Vertx;

/**
 * {@code authorize simplisafe [--account <name>]}: the one-time browser login of the SimpliSafe iOS app client. Prints
 * the login URL, reads from standard input what the person copied from the browser's DevTools (the
 * code, the {@code com.simplisafe.mobile://…?code=…} address or the console line; one more try
 * after a wrong paste), exchanges it, asks {@code /api/authCheck} for the user id, and writes the
 * token store in {@code STATE_DIR} under {@link SimpliSafeAuthorization#accountName} of
 * {@code SIMPLISAFE_ACCOUNT}, or with {@code --account} under that name, as one account of an
 * accounts folder ({@code accountsDir}). Exit codes: 0 authorised, 1 failed, 2 wrong usage, 3 bad input or
 * configuration.
 */
final class AuthorizeSimpliSafeCommand {

    static final String AUTH_URL = "SIMPLISAFE_AUTH_URL";
    static final String API_URL = "SIMPLISAFE_API_URL";
    static final String ACCOUNT = "SIMPLISAFE_ACCOUNT";
    static final String STATE_DIR = "STATE_DIR";

    private static final String PREFIX = "camel-smarthome: authorize simplisafe: ";
    /** The code lives minutes (brief 3.2); the exchange itself needs seconds, this bounds a stuck tenant. */
    private static final Duration CALL_WAIT = Duration.ofMinutes(1);

    private final Map<String, String> env;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    AuthorizeSimpliSafeCommand(Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        this.env = env;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        boolean named = args.size() == 2 && "--account".equals(args.get(0)) && TokenStoreFolder.isPlainAccountName(args.get(1));
        if (!args.isEmpty() && !named) {
            err.println("camel-smarthome: usage: authorize simplisafe [--account <name>]  (configured through "
                    + AUTH_URL + ", " + API_URL + ", " + ACCOUNT + " and " + STATE_DIR + "; --account names the account in an"
                    + " accounts folder, letters, digits, . _ - up to 64)");
            return SmarthomeCli.EXIT_USAGE;
        }
        SimpliSafeAuthOptions options;
        Path stateDir;
        try {
            options = options();
            stateDir = stateDir();
        } catch (InvalidConfigurationException invalid) {
            err.println("camel-smarthome: " + invalid.getMessage());
            return SmarthomeCli.EXIT_CONFIGURATION;
        }
        String account = named ? args.get(1) : SimpliSafeAuthorization.accountName(env.get(ACCOUNT));
        Vertx vertx = Vertx.vertx();
        try (SimpliSafeAuthorization authorization = new SimpliSafeAuthorization(vertx, options)) {
            SimpliSafeLogin login = authorization.beginLogin();
            printInstructions(login);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String code = readCode(reader, login);
            if (code == null) {
                return SmarthomeCli.EXIT_CONFIGURATION;
            }
            OAuthTokens tokens = await(authorization.exchangeCode(login, code));
            if (tokens == null) {
                return SmarthomeCli.EXIT_FAILURE;
            }
            if (tokens.refreshToken() == null) {
                err.println(PREFIX + "SimpliSafe issued no refresh token, so the login would end within the hour; "
                        + "check " + AUTH_URL + " and run the command again");
                return SmarthomeCli.EXIT_FAILURE;
            }
            Long userId = await(authorization.fetchUserId(tokens));
            if (userId != null) {
                Map<String, String> extras = new LinkedHashMap<>(tokens.extras());
                extras.put("user_id", Long.toString(userId));
                tokens = new OAuthTokens(tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), tokens.scope(),
                        tokens.tokenType(), extras);
            } else {
                // The code is spent: keep the tokens, the component looks the user id up again.
                err.println(PREFIX + "the tokens are saved anyway; the user id will be looked up when the component starts");
            }
            FileTokenStore store = new FileTokenStore(stateDir);
            store.save(account, tokens);
            out.println("Authorised" + (userId == null ? "" : " SimpliSafe user " + userId) + ". Tokens for account "
                    + account + " saved to " + store.fileOf(account) + ".");
            return 0;
        } catch (IOException cannotSave) {
            err.println(PREFIX + "cannot write the token store in " + stateDir + ": " + cannotSave.getClass().getSimpleName()
                    + (cannotSave.getMessage() == null ? "" : " " + cannotSave.getMessage()));
            return SmarthomeCli.EXIT_FAILURE;
        } finally {
            vertx.close();
        }
    }

    private void printInstructions(SimpliSafeLogin login) {
        out.println("To authorise camel-smarthome with SimpliSafe:");
        out.println("  1. Open your browser's developer tools (Network or Console tab), best in a fresh private window.");
        out.println("  2. Open this URL there and log in (with MFA if asked):");
        out.println("     " + login.authorizeUrl());
        out.println("  3. The browser cannot open the final com.simplisafe.mobile://...?code=... address. Copy it, the");
        out.println("     code in it, or the whole 'Failed to launch ...' console line, and paste it here.");
        out.println("     The code is single-use and expires within minutes.");
        out.print("Code or address: ");
        out.flush();
    }

    /** The code, after one more try on a wrong paste; {@code null} after printing why there is none. */
    private String readCode(BufferedReader reader, SimpliSafeLogin login) {
        for (int attempt = 1; ; attempt++) {
            String line;
            try {
                line = reader.readLine();
            } catch (IOException unreadable) {
                line = null;
            }
            if (line == null) {
                err.println(PREFIX + "standard input ended before a code was pasted; "
                        + "run the command again and paste the code or the com.simplisafe.mobile://... address");
                return null;
            }
            try {
                return PastedAuthorizationCode.extract(line, login.state());
            } catch (UnusablePasteException unusable) {
                if (attempt >= 2) {
                    err.println(PREFIX + unusable.getMessage());
                    return null;
                }
                err.println(unusable.getMessage());
                out.print("Try once more: ");
                out.flush();
            }
        }
    }

    /** The value of {@code future}, or {@code null} after printing why there is none. */
    private <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(CALL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            err.println(PREFIX + "interrupted");
        } catch (TimeoutException tooLong) {
            future.cancel(true);
            err.println(PREFIX + "SimpliSafe did not answer in time; try again");
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            err.println(PREFIX + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
        }
        return null;
    }

    private SimpliSafeAuthOptions options() {
        String authUrl = env.get(AUTH_URL);
        String apiUrl = env.get(API_URL);
        try {
            return SimpliSafeAuthOptions.of(authUrl, apiUrl);
        } catch (IllegalArgumentException invalid) {
            boolean authBad = authUrl != null && !authUrl.isBlank() && !usable(authUrl);
            String name = authBad ? AUTH_URL : API_URL;
            throw new InvalidConfigurationException(name, "'" + env.get(name) + "' is not an absolute http(s) URL; the default is "
                    + (authBad ? SimpliSafeAuthOptions.DEFAULT_AUTH_URL : SimpliSafeAuthOptions.DEFAULT_API_URL));
        }
    }

    private static boolean usable(String url) {
        try {
            SimpliSafeAuthOptions.of(url, null);
            return true;
        } catch (IllegalArgumentException invalid) {
            return false;
        }
    }

    private Path stateDir() {
        String configured = env.get(STATE_DIR);
        String home = System.getProperty("user.home");
        if (configured == null || configured.isBlank()) {
            return Path.of(home, ".camel-smarthome");
        }
        try {
            return configured.startsWith("~/") ? Path.of(home, configured.substring(2)) : Path.of(configured);
        } catch (RuntimeException invalid) {
            throw new InvalidConfigurationException(STATE_DIR, "'" + configured + "' is not a usable directory path");
        }
    }
}
