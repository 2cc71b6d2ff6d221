package io.github.camelsmarthome.simulator.homeconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request log tests use to check a client's request budget. */
class RequestLogTest extends SimulatorTestSupport {

    private static final String STATUS = "/api/homeappliances/" + SimulatedHousehold.WASHER + "/status";

    @Test
    void everyRequestIsRecordedWithMethodPathStatusKindAndArrivalTime() {
        Instant start = Instant.now();
        http.get(STATUS, token);
        http.get(STATUS, "wrong");
        http.postForm("/security/oauth/token", Map.of("grant_type", "refresh_token", "refresh_token", "unknown"));
        http.send(HttpRequest.newBuilder(http.uri("/security/oauth/authorize?client_id=" + cloud.clientId()
                + "&response_type=code&user=me&state=secret-state")).GET().build());
        try (SseTestStream stream = SseTestStream.open(cloud, "/api/homeappliances/events", token)) {
            await().atMost(Duration.ofSeconds(3)).until(() -> cloud.requests().count() == 5);
            assertThat(cloud.requests().all()).extracting(RecordedRequest::method, RecordedRequest::path,
                    RecordedRequest::status, RecordedRequest::kind).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("GET", STATUS, 200, RequestKind.REST),
                    org.assertj.core.groups.Tuple.tuple("GET", STATUS, 401, RequestKind.REST),
                    org.assertj.core.groups.Tuple.tuple("POST", "/security/oauth/token", 400, RequestKind.OAUTH),
                    org.assertj.core.groups.Tuple.tuple("GET", "/security/oauth/authorize", 302, RequestKind.OAUTH),
                    org.assertj.core.groups.Tuple.tuple("GET", "/api/homeappliances/events", 200, RequestKind.EVENT_STREAM));
            assertThat(cloud.requests().all()).allSatisfy(request -> assertThat(request.time()).isAfterOrEqualTo(start.minusSeconds(1)));
            assertThat(cloud.requests().restRequests()).hasSize(2);
            assertThat(cloud.requests().countSince(Instant.now().plusSeconds(60))).isZero();
            assertThat(cloud.requests().countSince(start.minusSeconds(1))).isEqualTo(5);
        }
        cloud.requests().clear();
        assertThat(cloud.requests().count()).isZero();
    }

    @Test
    void aClientThatWaitsForTheStreamMakesNoRestCallBeforeItsFirstEvent() {
        try (SseTestStream stream = SseTestStream.open(cloud, "/api/homeappliances/events", token)) {
            cloud.household().washer().startProgram("LaundryCare.Washer.Program.Mix");
            stream.awaitEvent(Duration.ofSeconds(3), event -> "STATUS".equals(event.event()));
            http.get("/api/homeappliances/" + SimulatedHousehold.WASHER + "/programs/active", token);

            Instant firstEvent = cloud.events().publishedEvents().get(0).time();
            assertThat(cloud.requests().before(firstEvent)).extracting(RecordedRequest::kind).containsOnly(RequestKind.EVENT_STREAM);
            assertThat(cloud.requests().restRequests()).hasSize(1)
                    .allSatisfy(request -> assertThat(request.time()).isAfterOrEqualTo(firstEvent));
        }
    }
}
