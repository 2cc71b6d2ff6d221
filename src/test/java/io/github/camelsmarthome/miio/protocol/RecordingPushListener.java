package io.github.camelsmarthome.miio.protocol;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a push server tells it, and on which thread, for assertions. */
class RecordingPushListener implements MiioPushListener {

    final List<PushedMessage> events = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    final List<InetAddress> silent = new CopyOnWriteArrayList<>();
    final List<Duration> silentFor = new CopyOnWriteArrayList<>();
    final List<InetAddress> back = new CopyOnWriteArrayList<>();
    /** Each move as "from -> to". */
    final List<String> moves = new CopyOnWriteArrayList<>();
    /** Every call in order: "event <id>" or "moved". */
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(PushedMessage event) {
        threads.add(Thread.currentThread().getName());
        events.add(event);
        calls.add("event " + event.messageId());
    }

    @Override
    public void onGatewaySilent(InetAddress gateway, Duration duration) {
        silent.add(gateway);
        silentFor.add(duration);
    }

    @Override
    public void onGatewayBack(InetAddress gateway) {
        back.add(gateway);
    }

    @Override
    public void onGatewayMoved(InetAddress from, InetAddress to) {
        moves.add(from.getHostAddress() + " -> " + to.getHostAddress());
        calls.add("moved");
    }
}
