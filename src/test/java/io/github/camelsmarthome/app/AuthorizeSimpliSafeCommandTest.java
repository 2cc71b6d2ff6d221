package io.github.camelsmarthome.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelsmarthome.auth.FileTokenStore;
import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.simplisafe.api.auth.SimpliSafeAuthorization;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulator;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulatorOptions;
import io.github.camelsmarthome.testing.CapturedLogs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code authorize simplisafe} end to end against the fake cloud, in-process with piped standard
 * input: given the environment, it prints the login URL, takes what the person pastes, writes the
 * token store where the component looks, and says where; a wrong paste gets one more try.
 */
class AuthorizeSimpliSafeCommandTest {

    private static final Pattern PRINTED_URL = Pattern.compile("^     (http\\S+/authorize\\?\\S+)$", Pattern.MULTILINE);
    private static final String CALLBACK = "com.simplisafe.mobile://auth.simplisafe.com/ios/com.simplisafe.mobile/callback";

    @TempDir
    Path stateDir;

    private SimpliSafeSimulator cloud;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startCloud() {
        cloud = SimpliSafeSimulator.start(SimpliSafeSimulatorOptions.forTests().build());
    }

    @AfterEach
    void stopCloud() {
        cloud.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("SIMPLISAFE_AUTH_URL", cloud.authUrl());
        env.put("SIMPLISAFE_API_URL", cloud.apiUrl());
        env.put("STATE_DIR", stateDir.toString());
        return env;
    }

    private int run(Map<String, String> env, InputStream in, String... args) {
        return new AuthorizeSimpliSafeCommand(env, in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of(args));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Starts the command with a pipe for standard input; the browser step happens once the URL is printed. */
    private final class Session {
        final PipedOutputStream typing = new PipedOutputStream();
        final CompletableFuture<Integer> exit;

        Session(Map<String, String> env, String... args) throws Exception {
            PipedInputStream stdin = new PipedInputStream(typing);
            exit = CompletableFuture.supplyAsync(() -> run(env, stdin, args));
        }

        String browserLogin() {
            await().atMost(Duration.ofSeconds(10)).until(() -> PRINTED_URL.matcher(out()).find());
            Matcher url = PRINTED_URL.matcher(out());
            assertThat(url.find()).isTrue();
            return cloud.auth().completeLogin(url.group(1));
        }

        void paste(String line) throws Exception {
            typing.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            typing.flush();
        }

        int exitCode() {
            return exit.orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join();
        }
    }

    @Test
    void aPastedDevToolsLineEndsInATokenStoreOwnedByTheUser() throws Exception {
        Session session = new Session(env());
        String code = session.browserLogin();
        session.paste("Failed to launch '" + CALLBACK + "?code=" + code + "' because the scheme does not have a registered handler.");

        assertThat(session.exitCode()).isZero();
        String account = SimpliSafeAuthorization.accountName(null);
        FileTokenStore store = new FileTokenStore(stateDir);
        Path file = store.fileOf(account);
        assertThat(out()).contains("Authorised SimpliSafe user " + cloud.userId(), "account " + account, file.toString());
        assertThat(err()).isEmpty();
        OAuthTokens stored = store.load(account).orElseThrow();
        assertThat(stored.refreshToken()).isNotBlank();
        assertThat(stored.extras()).containsEntry("user_id", Long.toString(cloud.userId()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(out()).doesNotContain(code, stored.accessToken(), stored.refreshToken());
    }

    @Test
    void withAnAccountNameTheTokenStoreIsWrittenUnderThatName() throws Exception {
        Session session = new Session(env(), "--account", "cabin");
        String code = session.browserLogin();
        session.paste(CALLBACK + "?code=" + code);

        assertThat(session.exitCode()).isZero();
        assertThat(stateDir.resolve("cabin.tokens.json")).exists();
        assertThat(new FileTokenStore(stateDir).load(SimpliSafeAuthorization.accountName(null))).isEmpty();
        assertThat(out()).contains("account cabin");
    }

    @Test
    void anAccountNameThatIsNotItsOwnFileNameIsAUsageError() {
        int exit = run(env(), InputStream.nullInputStream(), "--account", "../home");

        assertThat(exit).isEqualTo(SmarthomeCli.EXIT_USAGE);
        assertThat(err()).contains("--account");
        assertThat(stateDir).isEmptyDirectory();
    }

    @Test
    void aWrongPasteGetsOneMoreTry() throws Exception {
        Session session = new Session(env());
        String code = session.browserLogin();
        session.paste("I logged in");
        await().atMost(Duration.ofSeconds(10)).until(() -> out().contains("Try once more: "));
        session.paste(CALLBACK + "?code=" + code);

        assertThat(session.exitCode()).isZero();
        assertThat(err().strip()).hasLineCount(1).startsWith("That is not a SimpliSafe authorization code");
        assertThat(new FileTokenStore(stateDir).load(SimpliSafeAuthorization.accountName(null))).isPresent();
    }

    @Test
    void twoWrongPastesEndWithExitThreeAndOneLine() {
        int exit = run(env(), new ByteArrayInputStream("\n?code=tooShort\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(exit).isEqualTo(SmarthomeCli.EXIT_CONFIGURATION);
        assertThat(err().strip().lines()).hasSize(2).last().asString()
                .startsWith("camel-smarthome: authorize simplisafe: The pasted text has a code= that is not a SimpliSafe code")
                .contains("paste the code (45 characters)");
        assertThat(stateDir).isEmptyDirectory();
    }

    @Test
    void standardInputThatEndsIsBadInput() {
        assertThat(run(env(), InputStream.nullInputStream())).isEqualTo(SmarthomeCli.EXIT_CONFIGURATION);
        assertThat(err().strip()).hasLineCount(1).contains("standard input ended");
    }

    @Test
    void aSpentCodeFailsWithExitOne() throws Exception {
        Session first = new Session(env());
        String code = first.browserLogin();
        first.paste(code);
        assertThat(first.exitCode()).isZero();
        out.reset();
        err.reset();

        Session second = new Session(env());
        second.browserLogin();
        second.paste(code);

        assertThat(second.exitCode()).isEqualTo(SmarthomeCli.EXIT_FAILURE);
        assertThat(err().strip()).hasLineCount(1).contains("invalid_grant", "authorize simplisafe again").doesNotContain(code);
    }

    @Test
    void aBadUrlIsAConfigurationError() {
        Map<String, String> env = env();
        env.put("SIMPLISAFE_AUTH_URL", "auth.simplisafe.com");

        assertThat(run(env, InputStream.nullInputStream())).isEqualTo(SmarthomeCli.EXIT_CONFIGURATION);
        assertThat(err().strip()).hasLineCount(1).contains("SIMPLISAFE_AUTH_URL", "https://auth.simplisafe.com");
    }

    @Test
    void optionsAreWrongUsage() {
        assertThat(run(env(), InputStream.nullInputStream(), "--code")).isEqualTo(SmarthomeCli.EXIT_USAGE);
    }

    @Test
    void theCliRunsItAndTheConfiguredAccountNamesTheStore() throws Exception {
        Map<String, String> env = env();
        env.put("SIMPLISAFE_ACCOUNT", "cabin");
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(typing);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new SmarthomeCli(stdin,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env, false)
                .execute(new String[] {"authorize", "simplisafe"}));
        await().atMost(Duration.ofSeconds(10)).until(() -> PRINTED_URL.matcher(out()).find());
        Matcher url = PRINTED_URL.matcher(out());
        assertThat(url.find()).isTrue();
        typing.write(("=" + cloud.auth().completeLogin(url.group(1)) + "\n").getBytes(StandardCharsets.UTF_8));
        typing.flush();

        assertThat(exit.orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join()).isZero();
        assertThat(new FileTokenStore(stateDir).load(SimpliSafeAuthorization.accountName("cabin"))).isPresent();
    }

    @Test
    void debugLogsOfAWholeLoginHoldNoSecret() throws Exception {
        try (CapturedLogs logs = CapturedLogs.capture("io.github.camelsmarthome")) {
            Session session = new Session(env());
            String code = session.browserLogin();
            session.paste(code);
            assertThat(session.exitCode()).isZero();
            OAuthTokens stored = new FileTokenStore(stateDir).load(SimpliSafeAuthorization.accountName(null)).orElseThrow();

            assertThat(logs.lines()).isNotEmpty();
            assertThat(logs.allText()).doesNotContain(code, stored.accessToken(), stored.refreshToken());
        }
    }
}
