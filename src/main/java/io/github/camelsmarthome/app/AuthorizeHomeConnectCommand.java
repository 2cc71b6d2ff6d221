package io.github.camelsmarthome.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import io.github.camelsmarthome.homeconnect.api.AuthorizationCodeRequest;
import io.github.camelsmarthome.homeconnect.api.DeviceAuthorization;
import io.github.camelsmarthome.homeconnect.api.HomeConnectAuthorization;
import io.github.camelsmarthome.homeconnect.api.HomeConnectClientOptions;
import io.github.camelsmarthome.homeconnect.api.HomeConnectOAuthOptions;
import io.vertx.core.Vertx;

/**
 * {@code authorize homeconnect [--code] [--account <name>]}: the one-time login that writes the
 * Home Connect token store in {@code STATE_DIR}, under the account name
 * {@link HomeConnectAuthorization#accountName} derives from the client id, where the component
 * finds it; or, with {@code --account}, under that name, as one account of an accounts folder
 * ({@code accountsDir}).
 *
 * <p>By default the device flow: it prints the verification page and the user code and counts
 * down while it polls (one line rewritten in a terminal, a line every 10 s otherwise).
 * {@code --code} uses the authorization-code flow instead (the only one the BSH-hosted simulator
 * offers): it prints the URL to open and reads the redirect URL, or the bare code, from standard
 * input. Exit codes: 0 authorised, 1 failed, 2 wrong usage, 3 bad configuration.
 */
final class AuthorizeHomeConnectCommand {

    static final String CLIENT_ID = "HOMECONNECT_CLIENT_ID";
    static final String CLIENT_SECRET = "HOMECONNECT_CLIENT_SECRET";
    static final String API_URL = "HOMECONNECT_API_URL";
    static final String SCOPE = "HOMECONNECT_SCOPE";
    static final String REDIRECT_URI = "HOMECONNECT_REDIRECT_URI";
    static final String STATE_DIR = "STATE_DIR";

    private static final Duration TERMINAL_TICK = Duration.ofSeconds(1);
    private static final Duration LOG_TICK = Duration.ofSeconds(10);
    /** How long a person may take to paste the redirect after the code was issued: its lifetime (brief 2.2). */
    private static final Duration CODE_EXCHANGE_WAIT = Duration.ofMinutes(2);

    private final Map<String, String> env;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final Duration minimumPollInterval;

    AuthorizeHomeConnectCommand(Map<String, String> env, InputStream in, PrintStream out, PrintStream err, boolean terminal) {
        this(env, in, out, err, terminal, HomeConnectOAuthOptions.DEFAULT_MINIMUM_POLL_INTERVAL);
    }

    /** With a shorter poll spacing, for tests against the local simulator only. */
    AuthorizeHomeConnectCommand(Map<String, String> env, InputStream in, PrintStream out, PrintStream err, boolean terminal,
            Duration minimumPollInterval) {
        this.env = env;
        this.in = in;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.minimumPollInterval = minimumPollInterval;
    }

    int run(List<String> args) {
        boolean codeFlow = false;
        String accountName = null;
        boolean usable = true;
        for (int i = 0; i < args.size() && usable; i++) {
            if ("--code".equals(args.get(i)) && !codeFlow) {
                codeFlow = true;
            } else if ("--account".equals(args.get(i)) && accountName == null && i + 1 < args.size()) {
                accountName = args.get(++i);
                usable = TokenStoreFolder.isPlainAccountName(accountName);
            } else {
                usable = false;
            }
        }
        if (!usable) {
            err.println("camel-smarthome: usage: authorize homeconnect [--code] [--account <name>]  (device flow by default; --code"
                    + " for the authorization-code flow; --account names the account in an accounts folder, letters, digits, . _ -"
                    + " up to 64, by default the name derived from the client id)");
            return SmarthomeCli.EXIT_USAGE;
        }
        HomeConnectOAuthOptions options;
        Path stateDir;
        String redirectUri = null;
        try {
            options = options();
            stateDir = stateDir();
            if (codeFlow) {
                redirectUri = required(REDIRECT_URI, "set it to a redirect URI registered for the application");
            }
        } catch (InvalidConfigurationException invalid) {
            err.println("camel-smarthome: " + invalid.getMessage());
            return SmarthomeCli.EXIT_CONFIGURATION;
        }
        Vertx vertx = Vertx.vertx();
        try (HomeConnectAuthorization authorization = new HomeConnectAuthorization(vertx, options)) {
            OAuthTokens tokens = codeFlow ? codeFlow(authorization, redirectUri) : deviceFlow(vertx, authorization);
            if (tokens == null) {
                return SmarthomeCli.EXIT_FAILURE;
            }
            String account = accountName != null ? accountName : HomeConnectAuthorization.accountName(options.clientId());
            FileTokenStore store = new FileTokenStore(stateDir);
            store.save(account, tokens);
            out.println("Authorised. Tokens for account " + account + " saved to " + store.fileOf(account)
                    + " (access token valid until " + tokens.expiresAt() + ").");
            return 0;
        } catch (IOException cannotSave) {
            err.println("camel-smarthome: authorize homeconnect: cannot write the token store in " + stateDir + ": "
                    + cannotSave.getClass().getSimpleName() + (cannotSave.getMessage() == null ? "" : " " + cannotSave.getMessage()));
            return SmarthomeCli.EXIT_FAILURE;
        } finally {
            vertx.close();
        }
    }

    private OAuthTokens deviceFlow(Vertx vertx, HomeConnectAuthorization authorization) {
        DeviceAuthorization login = await(authorization.startDeviceAuthorization(), Duration.ofMinutes(2));
        if (login == null) {
            return null;
        }
        out.println("To authorise camel-smarthome, open " + login.verificationUri() + " and enter the code " + login.userCode());
        if (login.verificationUriComplete() != null) {
            out.println("  (or open " + login.verificationUriComplete() + " directly)");
        }
        out.flush();
        Countdown countdown = new Countdown(login.expiresAt());
        long timer = vertx.setPeriodic((terminal ? TERMINAL_TICK : LOG_TICK).toMillis(), id -> countdown.show());
        countdown.show();
        try {
            return await(authorization.awaitDeviceApproval(login, null),
                    Duration.between(Instant.now(), login.expiresAt()).plusSeconds(30));
        } finally {
            vertx.cancelTimer(timer);
            countdown.end();
        }
    }

    private OAuthTokens codeFlow(HomeConnectAuthorization authorization, String redirectUri) {
        AuthorizationCodeRequest login = authorization.beginAuthorizationCode(redirectUri);
        out.println("To authorise camel-smarthome, open this URL in a browser and log in:");
        out.println("  " + login.authorizationUrl());
        out.println("Then paste the URL the browser was sent back to (" + redirectUri + "?code=...), or just the code:");
        out.flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException unreadable) {
            answer = null;
        }
        if (answer == null || answer.isBlank()) {
            err.println("camel-smarthome: authorize homeconnect: no redirect URL or code was entered");
            return null;
        }
        return await(authorization.exchangeCode(login, answer), CODE_EXCHANGE_WAIT);
    }

    /** The value of {@code future}, or {@code null} after printing why there is none. */
    private <T> T await(CompletableFuture<T> future, Duration atMost) {
        try {
            return future.get(Math.max(1, atMost.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            err.println("camel-smarthome: authorize homeconnect: interrupted");
        } catch (TimeoutException tooLong) {
            future.cancel(true);
            err.println("camel-smarthome: authorize homeconnect: no answer in time; try again");
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            err.println("camel-smarthome: authorize homeconnect: " + (cause.getMessage() == null
                    ? cause.getClass().getSimpleName() : cause.getMessage()));
        }
        return null;
    }

    private HomeConnectOAuthOptions options() {
        String clientId = required(CLIENT_ID, "set it to the client id of your application at developer.home-connect.com");
        String baseUrl = env.getOrDefault(API_URL, HomeConnectClientOptions.DEFAULT_BASE_URL);
        try {
            return HomeConnectOAuthOptions.of(baseUrl, clientId, env.get(CLIENT_SECRET))
                    .withScope(env.get(SCOPE))
                    .withPolling(minimumPollInterval, Duration.ofSeconds(5));
        } catch (IllegalArgumentException invalid) {
            throw new InvalidConfigurationException(API_URL, "'" + baseUrl + "' is not usable (" + invalid.getMessage()
                    + "); the default is " + HomeConnectClientOptions.DEFAULT_BASE_URL);
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

    private String required(String name, String advice) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidConfigurationException(name, "not set: " + advice);
        }
        return value.strip();
    }

    /** Shows the time left; in a terminal on one line that is rewritten, otherwise as separate lines. */
    private final class Countdown {

        private final Instant expiresAt;
        private final Clock clock = Clock.systemUTC();
        private boolean shown;
        private boolean ended;

        Countdown(Instant expiresAt) {
            this.expiresAt = expiresAt;
        }

        synchronized void show() {
            if (ended) {
                // A tick already under way when the timer was cancelled must not write after the result.
                return;
            }
            long left = Math.max(0, Duration.between(clock.instant(), expiresAt).toSeconds());
            String text = "Waiting for approval: " + left / 60 + ":" + String.format("%02d", left % 60) + " left";
            if (terminal) {
                out.print("\r" + text + "   ");
            } else {
                out.println(text);
            }
            out.flush();
            shown = true;
        }

        synchronized void end() {
            ended = true;
            if (terminal && shown) {
                out.println();
            }
        }
    }
}
