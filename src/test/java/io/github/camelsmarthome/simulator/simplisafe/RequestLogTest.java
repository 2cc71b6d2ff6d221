package io.github.camelsmarthome.simulator.simplisafe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every request is logged with its method, path (no query), status, kind and arrival time. */
class RequestLogTest extends SimpliSafeTestSupport {

    @Test
    void requestsOfEveryFaceAreRecordedInOrder() {
        Instant start = Instant.now();
        IssuedTokens login = cloud.auth().issueTokens();
        http.refresh(login.refreshToken());
        http.get("/ss3/subscriptions/12345/sensors?forceUpdate=true", token);
        http.get("/api/authCheck", null);
        try (SocketProbe socket = SocketProbe.open(cloud)) {
            assertThat(socket.next().path("type").asText()).isEqualTo("com.simplisafe.service.hello");
            await().atMost(Duration.ofSeconds(2)).until(() -> cloud.requests().count() == 4);
        }

        assertThat(cloud.requests().all()).extracting(RecordedRequest::method, RecordedRequest::path, RecordedRequest::status,
                RecordedRequest::kind).containsExactly(
                        tuple("POST", "/auth/oauth/token", 200, RequestKind.AUTH),
                        tuple("GET", "/api/v1/ss3/subscriptions/12345/sensors", 200, RequestKind.REST),
                        tuple("GET", "/api/v1/api/authCheck", 401, RequestKind.REST),
                        tuple("GET", "/socketlink", 101, RequestKind.WEBSOCKET));
        assertThat(cloud.requests().all()).allSatisfy(request -> assertThat(request.time()).isAfterOrEqualTo(start.minusSeconds(1)));
        assertThat(cloud.requests().restRequests()).hasSize(2);
        assertThat(cloud.requests().toPathEndingWith("/oauth/token")).hasSize(1);
        assertThat(cloud.requests().since(Instant.now().plusSeconds(60))).isEmpty();

        cloud.requests().clear();
        assertThat(cloud.requests().count()).isZero();
    }

    @Test
    void queryStringsAreNotKept() {
        PkcePair pkce = PkcePair.create();
        String code = cloud.auth().completeLogin(pkce.authorizeUrl(cloud.authUrl()));
        http.token(Map.of("grant_type", "authorization_code", "client_id", MobileAppClient.CLIENT_ID, "code_verifier", pkce.verifier(),
                "code", code, "redirect_uri", MobileAppClient.REDIRECT_URI));
        SimpliSafeHttp.send(HttpRequest.newBuilder(URI.create(pkce.authorizeUrl(cloud.authUrl()))).GET().build());

        assertThat(cloud.requests().all()).extracting(RecordedRequest::path).containsExactly("/auth/oauth/token", "/auth/authorize");
    }
}
