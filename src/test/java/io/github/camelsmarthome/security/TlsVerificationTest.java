package io.github.camelsmarthome.security;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelsmarthome.auth.OAuthTokens;
import io.github.camelsmarthome.auth.TokenRefresher;
import io.github.camelsmarthome.auth.TokenStore;
import io.github.camelsmarthome.homeconnect.api.BudgetLimits;
import io.github.camelsmarthome.homeconnect.api.HomeConnectAuthorization;
import io.github.camelsmarthome.homeconnect.api.HomeConnectClient;
import io.github.camelsmarthome.homeconnect.api.HomeConnectClientOptions;
import io.github.camelsmarthome.homeconnect.api.HomeConnectOAuthOptions;
import io.github.camelsmarthome.homeconnect.api.HomeConnectOperation;
import io.github.camelsmarthome.homeconnect.api.HomeConnectRequest;
import io.github.camelsmarthome.homeconnect.api.RequestBudget;
import io.github.camelsmarthome.simplisafe.api.auth.SimpliSafeAuthOptions;
import io.github.camelsmarthome.simplisafe.api.auth.SimpliSafeAuthorization;
import io.github.camelsmarthome.simplisafe.api.client.SimpliSafeClient;
import io.github.camelsmarthome.simplisafe.api.client.SimpliSafeClientOptions;
import io.github.camelsmarthome.simplisafe.api.websocket.SimplisafeRealtimeClient;
import io.github.camelsmarthome.simplisafe.api.websocket.SimplisafeRealtimeListener;
import io.github.camelsmarthome.simplisafe.api.websocket.SimplisafeRealtimeOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyStoreOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * TLS verification is on by default for every client that talks to a cloud: given an HTTPS and
 * websocket server on localhost with a self-signed certificate made for this test (a stand-in for
 * a man in the middle), each client refuses the server during the TLS handshake, with a failure
 * that says the certificate is the problem. No request ever reaches the server's handler.
 */
class TlsVerificationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final String STORE_PASSWORD = "test-only-store";

    @TempDir
    Path directory;
    private Vertx vertx;
    private HttpServer server;
    private String httpsUrl;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startSelfSignedServer() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setKeyCertOptions(selfSignedKeyStore()))
                .requestHandler(request -> {
                    requests.incrementAndGet();
                    request.response().putHeader("Content-Type", "application/json").end("{}");
                });
        server.listen(0, "localhost").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        httpsUrl = "https://localhost:" + server.actualPort();
    }

    /** A key pair and self-signed certificate for localhost, made by the JDK's keytool for this test only. */
    private KeyStoreOptions selfSignedKeyStore() throws Exception {
        Path keyStore = directory.resolve("self-signed.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool ends").isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        return new KeyStoreOptions().setType("PKCS12").setPath(keyStore.toString()).setPassword(STORE_PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void homeConnectsTokenEndpointRefusesAnUntrustedCertificate() {
        try (HomeConnectAuthorization oauth = new HomeConnectAuthorization(vertx,
                HomeConnectOAuthOptions.of(httpsUrl, "client-id", "client-secret"))) {
            assertRefusedForItsCertificate(oauth.refresh(tokens()).toCompletableFuture());
        }
    }

    @Test
    void homeConnectsApiClientRefusesAnUntrustedCertificate() {
        HomeConnectClient client = new HomeConnectClient(vertx, HomeConnectClientOptions.defaults().withBaseUrl(httpsUrl)
                .withReadRetries(0, Duration.ofMillis(10)), refresher(), new RequestBudget("tls-test", BudgetLimits.HOME_CONNECT,
                Clock.systemUTC()), haId -> Optional.empty());

        assertRefusedForItsCertificate(client.execute(HomeConnectRequest.of(HomeConnectOperation.listAppliances)));
    }

    @Test
    void simpliSafesTokenEndpointRefusesAnUntrustedCertificate() {
        SimpliSafeAuthorization oauth = new SimpliSafeAuthorization(vertx, SimpliSafeAuthOptions.of(httpsUrl, httpsUrl + "/v1"));

        assertRefusedForItsCertificate(oauth.refresh(tokens()).toCompletableFuture());
    }

    @Test
    void simpliSafesApiClientRefusesAnUntrustedCertificate() {
        SimpliSafeClient client = new SimpliSafeClient(vertx, SimpliSafeClientOptions.defaults().withApiUrl(httpsUrl + "/v1")
                .withReadRetries(0, Duration.ofMillis(10)), refresher());

        assertRefusedForItsCertificate(client.getUserId());
    }

    @Test
    void simpliSafesWebsocketRefusesAnUntrustedCertificate() {
        AtomicReference<String> lost = new AtomicReference<>();
        CopyOnWriteArrayList<Object> events = new CopyOnWriteArrayList<>();
        SimplisafeRealtimeListener listener = new SimplisafeRealtimeListener() {
            @Override
            public void onEvent(io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent event) {
                events.add(event);
            }

            @Override
            public void onLost(String reason) {
                lost.compareAndSet(null, reason);
            }
        };
        try (SimplisafeRealtimeClient client = new SimplisafeRealtimeClient(vertx, SimplisafeRealtimeOptions.defaults()
                .withUrl("wss://localhost:" + server.actualPort()), refresher(), 1L, listener, Clock.systemUTC())) {
            client.start();
            await().atMost(TIMEOUT).until(() -> client.status().toString().contains("certification path"));
            assertThat(requests).hasValue(0);
            assertThat(events).isEmpty();
        }
    }

    private void assertRefusedForItsCertificate(CompletableFuture<?> call) {
        Throwable failure = null;
        try {
            call.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (Exception e) {
            throw new AssertionError("the call did not end: " + e, e);
        }
        assertThat(failure).as("the call must fail").isNotNull();
        assertThat(messages(failure)).as("the failure names the certificate problem")
                .contains("unable to find valid certification path");
        assertThat(requests).as("no request passed the TLS handshake").hasValue(0);
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable at = failure; at != null; at = at.getCause()) {
            text.append(at.getClass().getSimpleName()).append(": ").append(at.getMessage()).append('\n');
        }
        return text.toString();
    }

    private static OAuthTokens tokens() {
        return new OAuthTokens("access-token-for-tls-test", "refresh-token-for-tls-test",
                Instant.now().plus(Duration.ofHours(1)), null, "Bearer", Map.of());
    }

    private static TokenRefresher refresher() {
        TokenStore store = new TokenStore() {
            private volatile OAuthTokens stored = tokens();

            @Override
            public Optional<OAuthTokens> load(String account) {
                return Optional.ofNullable(stored);
            }

            @Override
            public void save(String account, OAuthTokens saved) {
                stored = saved;
            }

            @Override
            public boolean delete(String account) {
                stored = null;
                return true;
            }
        };
        return TokenRefresher.builder("tls-test", store, current -> CompletableFuture.completedFuture(tokens())).build();
    }
}
