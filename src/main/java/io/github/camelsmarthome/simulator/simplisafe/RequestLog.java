package io.github.camelsmarthome.simulator.simplisafe;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Every request the simulator answered, in the order the answers started, for assertions such
 * as "one refresh, then the call was retried once" or "no REST call within 15 s of arming".
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

    /** Requests of one kind. */
    public List<RecordedRequest> ofKind(RequestKind kind) {
        return matching(request -> request.kind() == kind);
    }

    /** REST calls only. */
    public List<RecordedRequest> restRequests() {
        return ofKind(RequestKind.REST);
    }

    /** Requests whose path ends with {@code suffix}, e.g. {@code "/oauth/token"} or {@code "/sensors"}. */
    public List<RecordedRequest> toPathEndingWith(String suffix) {
        return matching(request -> request.path().endsWith(suffix));
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
