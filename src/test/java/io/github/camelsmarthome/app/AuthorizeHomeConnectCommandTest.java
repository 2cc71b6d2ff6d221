package io.github.camelsmarthome.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelsmarthome.auth.FileTokenStore;
import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.homeconnect.api.HomeConnectAuthorization;
import io.github.camelsmarthome.simulator.homeconnect.HomeConnectSimulator;
import io.github.camelsmarthome.simulator.homeconnect.SimulatorOptions;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * {@code authorize homeconnect} end to end against the fake cloud, in-process: given the
 * environment, it logs in, writes the token store where the component looks, and says where.
 */
class AuthorizeHomeConnectCommandTest {

    @TempDir
    Path stateDir;

    private HomeConnectSimulator cloud;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startCloud() {
        cloud = HomeConnectSimulator.start(SimulatorOptions.forTests().autoApproveDeviceCodes(true)
                .pendingPollsBeforeAutoApproval(2).build());
    }

    @AfterEach
    void stopCloud() {
        cloud.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HOMECONNECT_CLIENT_ID", cloud.clientId());
        env.put("HOMECONNECT_API_URL", cloud.baseUrl());
        env.put("STATE_DIR", stateDir.toString());
        return env;
    }

    private int run(Map<String, String> env, InputStream in, boolean terminal, String... args) {
        return new AuthorizeHomeConnectCommand(env, in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal, Duration.ofMillis(50)).run(List.of(args));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private OAuthTokens stored() throws Exception {
        return new FileTokenStore(stateDir).load(HomeConnectAuthorization.accountName(cloud.clientId())).orElseThrow();
    }

    @Test
    void theDeviceFlowWritesTheTokenStoreAndSaysWhere() throws Exception {
        int exit = run(env(), InputStream.nullInputStream(), false);

        assertThat(exit).as(err()).isZero();
        Path file = new FileTokenStore(stateDir).fileOf(HomeConnectAuthorization.accountName(cloud.clientId()));
        assertThat(file).exists();
        OAuthTokens tokens = stored();
        assertThat(out()).contains("open " + cloud.baseUrl() + "/security/oauth/device and enter the code ")
                .containsPattern("enter the code [A-Z]{4}-[A-Z]{4}")
                .contains("Waiting for approval: ")
                .contains("Authorised. Tokens for account " + HomeConnectAuthorization.accountName(cloud.clientId()))
                .contains(file.toString())
                .doesNotContain(tokens.accessToken()).doesNotContain(tokens.refreshToken())
                .doesNotContain("\r");
        assertThat(err()).isEmpty();
        assertThat(cloud.requests().all()).extracting(r -> r.path()).startsWith("/security/oauth/device_authorization")
                .filteredOn(path -> path.equals("/security/oauth/token")).hasSize(3);
    }

    @Test
    void withAnAccountNameTheTokenStoreIsWrittenUnderThatName() throws Exception {
        int exit = run(env(), InputStream.nullInputStream(), false, "--account", "alice");

        assertThat(exit).as(err()).isZero();
        assertThat(new FileTokenStore(stateDir).load("alice")).isPresent();
        assertThat(stateDir.resolve("alice.tokens.json")).exists();
        assertThat(new FileTokenStore(stateDir).load(HomeConnectAuthorization.accountName(cloud.clientId()))).isEmpty();
        assertThat(out()).contains("Authorised. Tokens for account alice");
    }

    @Test
    void anAccountNameThatIsNotItsOwnFileNameIsAUsageError() {
        int exit = run(env(), InputStream.nullInputStream(), false, "--account", "../home");

        assertThat(exit).isEqualTo(SmarthomeCli.EXIT_USAGE);
        assertThat(err()).contains("--account");
        assertThat(cloud.requests().all()).isEmpty();
    }

    @Test
    void inATerminalTheCountdownRewritesOneLine() {
        assertThat(run(env(), InputStream.nullInputStream(), true)).as(err()).isZero();

        assertThat(out()).contains("\rWaiting for approval: ").containsPattern("left {3}\nAuthorised");
    }

    @Test
    void theCodeFlowReadsTheRedirectFromStandardInput() throws Exception {
        Map<String, String> env = env();
        env.put("HOMECONNECT_CLIENT_SECRET", cloud.clientSecret());
        env.put("HOMECONNECT_REDIRECT_URI", cloud.redirectUri());
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(typing);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run(env, stdin, false, "--code"));

        Pattern printedUrl = Pattern.compile("^  (http\\S+)$", Pattern.MULTILINE);
        await().atMost(Duration.ofSeconds(10)).until(() -> printedUrl.matcher(out()).find());
        Matcher url = printedUrl.matcher(out());
        assertThat(url.find()).isTrue();
        HttpResponse<String> browser = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.group(1) + "&user=me"))
                .build(), HttpResponse.BodyHandlers.ofString());
        typing.write((browser.headers().firstValue("Location").orElseThrow() + "\n").getBytes(StandardCharsets.UTF_8));
        typing.flush();

        assertThat(exit.get()).as(err()).isZero();
        assertThat(stored().refreshToken()).isNotBlank();
        assertThat(out()).contains("code_challenge_method=S256").contains("Authorised.")
                .doesNotContain(cloud.clientSecret());
    }

    @Test
    void aMissingClientIdIsOneLineNamingIt() {
        Map<String, String> env = env();
        env.remove("HOMECONNECT_CLIENT_ID");

        assertThat(run(env, InputStream.nullInputStream(), false)).isEqualTo(SmarthomeCli.EXIT_CONFIGURATION);

        assertThat(err()).startsWith("camel-smarthome: HOMECONNECT_CLIENT_ID: not set").hasLineCount(1);
        assertThat(cloud.requests().all()).isEmpty();
    }

    @Test
    void aBadApiUrlOrAMissingRedirectUriIsBadConfiguration() {
        Map<String, String> env = env();
        env.put("HOMECONNECT_API_URL", "ftp://example");
        assertThat(run(env, InputStream.nullInputStream(), false)).isEqualTo(SmarthomeCli.EXIT_CONFIGURATION);
        assertThat(err()).contains("HOMECONNECT_API_URL").hasLineCount(1);

        err.reset();
        assertThat(run(env(), InputStream.nullInputStream(), false, "--code")).isEqualTo(SmarthomeCli.EXIT_CONFIGURATION);
        assertThat(err()).contains("HOMECONNECT_REDIRECT_URI: not set").hasLineCount(1);
    }

    @Test
    void aDeniedLoginFailsWithOneLine() {
        cloud.authorization().setAutoApproveDeviceCodes(false, 0);
        cloud.authorization().onDeviceAuthorization(request -> cloud.authorization().denyDeviceCode(request.userCode()));

        assertThat(run(env(), InputStream.nullInputStream(), false)).isEqualTo(SmarthomeCli.EXIT_FAILURE);

        assertThat(err()).contains("access_denied").hasLineCount(1);
        assertThat(stateDir.resolve(HomeConnectAuthorization.accountName(cloud.clientId()) + ".tokens.json")).doesNotExist();
    }

    @Test
    void theRunnerRoutesAuthorizeHomeconnectHereAndUnknownSystemsAreRefused() {
        Map<String, String> env = new HashMap<>();
        SmarthomeCli cli = new SmarthomeCli(InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, false);

        assertThat(cli.execute(new String[] {"authorize", "homeconnect"})).isEqualTo(SmarthomeCli.EXIT_CONFIGURATION);
        assertThat(err()).contains("HOMECONNECT_CLIENT_ID");
        err.reset();
        assertThat(cli.execute(new String[] {"authorize", "homeconnect", "--bogus"})).isEqualTo(SmarthomeCli.EXIT_USAGE);
        err.reset();
        assertThat(cli.execute(new String[] {"authorize", "miio"})).isEqualTo(SmarthomeCli.EXIT_USAGE);
        assertThat(err()).contains("homeconnect, simplisafe");
    }
}
