package io.github.camelsmarthome.homeconnect.api.stream;

import io.github.camelsmarthome.homeconnect.api.event.EventOrigin;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

/** Records what a stream tells its listener, in order, with the thread it was told on. */
final class RecordingListener implements EventStreamListener {

    /** One lifecycle call: {@code connected}, {@code disconnected}, {@code reconnecting}, {@code authRequired}. */
    record Call(String what, DisconnectReason reason, Duration delay, Instant at, String thread) {
    }

    private final List<HomeConnectEvent> events = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> eventThreads = new CopyOnWriteArrayList<>();
    private volatile Function<HomeConnectEvent, CompletionStage<?>> handler = event -> null;

    /** From now on each event is answered by {@code eventHandler}'s stage. */
    void answerWith(Function<HomeConnectEvent, CompletionStage<?>> eventHandler) {
        this.handler = eventHandler;
    }

    @Override
    public CompletionStage<?> onEvent(HomeConnectEvent event) {
        events.add(event);
        eventThreads.add(Thread.currentThread().getName());
        return handler.apply(event);
    }

    @Override
    public void onConnected() {
        calls.add(new Call("connected", null, null, Instant.now(), Thread.currentThread().getName()));
    }

    @Override
    public void onDisconnected(DisconnectReason reason, String detail) {
        calls.add(new Call("disconnected", reason, null, Instant.now(), Thread.currentThread().getName()));
    }

    @Override
    public void onReconnecting(Duration delay) {
        calls.add(new Call("reconnecting", null, delay, Instant.now(), Thread.currentThread().getName()));
    }

    @Override
    public void onAuthRequired(String detail) {
        calls.add(new Call("authRequired", null, null, Instant.now(), Thread.currentThread().getName()));
    }

    List<HomeConnectEvent> events() {
        return List.copyOf(events);
    }

    List<HomeConnectEvent> events(Predicate<HomeConnectEvent> condition) {
        return events.stream().filter(condition).toList();
    }

    /** Events the cloud pushed, in order. */
    List<HomeConnectEvent> received() {
        return events(event -> event.origin().equals(EventOrigin.STREAM));
    }

    /** The gap markers. */
    List<HomeConnectEvent> gapMarkers() {
        return events(event -> event.eventType().equals(HomeConnectEventType.STREAM_RECONNECTED));
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String what) {
        return calls.stream().filter(call -> call.what().equals(what)).toList();
    }

    List<String> eventThreads() {
        return List.copyOf(eventThreads);
    }
}
