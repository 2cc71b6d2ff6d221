package io.github.camelsmarthome.simulator.homeconnect;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Every request the simulator answered, for assertions such as "no request before N seconds" or
 * "zero REST requests before the first event". Entries appear once the answer's status line is
 * written (or the connection closed without one), in that order; {@link RecordedRequest#time()}
 * is the arrival time.
 */
public final class RequestLog {

    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    void record(RecordedRequest request) {
        requests.add(request);
    }

    /** Everything recorded so far. */
    public List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    /** How many requests were recorded. */
    public int count() {
        return requests.size();
    }

    /** Requests that arrived at or after {@code time}. */
    public List<RecordedRequest> since(Instant time) {
        return matching(request -> !request.time().isBefore(time));
    }

    /** How many requests arrived at or after {@code time}. */
    public long countSince(Instant time) {
        return since(time).size();
    }

    /** Requests that arrived strictly before {@code time}. */
    public List<RecordedRequest> before(Instant time) {
        return matching(request -> request.time().isBefore(time));
    }

    /** Requests of one kind. */
    public List<RecordedRequest> ofKind(RequestKind kind) {
        return matching(request -> request.kind() == kind);
    }

    /** REST calls only: no OAuth, no stream opens. */
    public List<RecordedRequest> restRequests() {
        return ofKind(RequestKind.REST);
    }

    /** Requests that satisfy a condition. */
    public List<RecordedRequest> matching(Predicate<RecordedRequest> condition) {
        return requests.stream().filter(condition).toList();
    }

    /** Forgets everything recorded. */
    public void clear() {
        requests.clear();
    }
}
