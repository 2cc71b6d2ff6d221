package io.github.camelsmarthome.simulator.homeconnect;

import io.netty.channel.ChannelOption;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.impl.ConnectionBase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * One open event stream: frames events for its client and carries the stream-level faults.
 *
 * <p>Events arrive from any thread (appliance timers, REST handlers, test threads). Every write is
 * queued on the connection's own Vert.x context, which runs tasks in the order they were queued,
 * so the client sees events in publication order and the event loop is never blocked.
 */
public final class EventStream {

    private final EventStreamHub hub;
    private final HttpServerResponse response;
    private final HttpConnection connection;
    private final Context context;
    private final String path;
    private final String haIdFilter;
    private final String clientId;
    private final String accessToken;
    private final Instant openedAt;
    private volatile SseFraming framing;
    private boolean closed;
    private boolean stalled;
    private boolean dropOnNextEvent;
    private boolean omitIdOnNextEvent;
    private Duration splitGap;
    private boolean splitting;
    private final List<byte[]> heldDuringSplit = new ArrayList<>();
    private int coalesceRemaining;
    private final StringBuilder coalesced = new StringBuilder();
    private long keepAliveTimer = -1;
    private long expiryTimer = -1;
    private int eventsSent;

    EventStream(EventStreamHub hub, HttpServerResponse response, HttpConnection connection, Context context, String path, String haIdFilter,
            String clientId, String accessToken, SseFraming framing, Instant openedAt) {
        this.hub = hub;
        this.response = response;
        this.connection = connection;
        this.context = context;
        this.path = path;
        this.haIdFilter = haIdFilter;
        this.clientId = clientId;
        this.accessToken = accessToken;
        this.framing = framing;
        this.openedAt = openedAt;
    }

    /** The path the stream was opened on. */
    public String path() {
        return path;
    }

    /** The appliance of a per-appliance stream; {@code null} for the all-appliances stream. */
    public String haId() {
        return haIdFilter;
    }

    /** When the stream was opened. */
    public Instant openedAt() {
        return openedAt;
    }

    /** The framing in use. */
    public SseFraming framing() {
        return framing;
    }

    /** Switches this stream's framing from its next frame on. */
    public void useFraming(SseFraming framing) {
        this.framing = framing;
    }

    /** Appliance events written to this stream so far (keep-alives not counted). */
    public synchronized int eventsSent() {
        return eventsSent;
    }

    /** Whether the stream is closed. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** Ends the stream cleanly, as the cloud does when the token it was opened with expires. */
    public void close() {
        closeWith(false, false);
    }

    /** Closes the TCP connection without ending the chunked body: the client sees a truncated stream. */
    public void drop() {
        closeWith(true, false);
    }

    /** Resets the TCP connection (RST), like a middlebox or a crashed server. */
    public void reset() {
        closeWith(true, true);
    }

    // ---- used by the hub and the fault injector ----

    String clientId() {
        return clientId;
    }

    String accessToken() {
        return accessToken;
    }

    boolean wants(ApplianceEvent event) {
        return haIdFilter == null || (haIdFilter.equals(event.haId()) && !event.type().isAccountLevel());
    }

    synchronized void start(Duration keepAliveInterval, Instant tokenExpiresAt) {
        byte[] preamble = framing.preamble().getBytes(StandardCharsets.UTF_8);
        context.runOnContext(v -> {
            if (!response.closed() && !response.headWritten()) {
                response.writeHead();
                if (preamble.length > 0) {
                    response.write(Buffer.buffer(preamble));
                }
            }
        });
        restartKeepAlive(keepAliveInterval);
        if (tokenExpiresAt != null) {
            closeAtExpiry(tokenExpiresAt);
        }
    }

    /** Timers round to milliseconds and may fire a hair early; an early check simply looks again. */
    private synchronized void closeAtExpiry(Instant tokenExpiresAt) {
        if (closed) {
            return;
        }
        Duration untilExpiry = Duration.between(hub.now(), tokenExpiresAt);
        expiryTimer = hub.scheduler().afterRealTime(untilExpiry.isNegative() ? Duration.ZERO : untilExpiry.plusMillis(1), () -> {
            if (hub.tokenStillValid(accessToken)) {
                closeAtExpiry(tokenExpiresAt);
            } else {
                close();
            }
        });
    }

    synchronized void restartKeepAlive(Duration interval) {
        if (closed) {
            return;
        }
        if (keepAliveTimer >= 0) {
            hub.scheduler().cancel(keepAliveTimer);
        }
        keepAliveTimer = hub.scheduler().everyRealTime(interval, this::sendKeepAlive);
    }

    synchronized void sendKeepAlive() {
        if (!closed) {
            deliver(framing.frame(EventType.KEEP_ALIVE.wireName(), "", null), false);
        }
    }

    synchronized void sendEvent(ApplianceEvent event, ConnectionEventShape connectionShape, boolean connectionEventsCarryId) {
        if (closed || stalled) {
            return;
        }
        String id = event.haId();
        if (omitIdOnNextEvent) {
            id = null;
            omitIdOnNextEvent = false;
        } else if (event.type().isConnectionEvent() && !connectionEventsCarryId) {
            id = null;
        }
        eventsSent++;
        deliver(framing.frame(event.type().wireName(), event.data(haIdFilter == null, connectionShape), id), true);
    }

    /** Flood mode: {@code count} events written as fast as the client reads them, or at {@code perSecond}. */
    CompletableFuture<Integer> flood(IntFunction<ApplianceEvent> events, int count, int perSecond, ConnectionEventShape connectionShape) {
        SseFraming frameWith = framing;
        IntFunction<String> frames = i -> {
            ApplianceEvent event = events.apply(i);
            return frameWith.frame(event.type().wireName(), event.data(haIdFilter == null, connectionShape), event.haId());
        };
        return new StreamFlood(response, context, frames, count, perSecond).start().thenApply(written -> {
            synchronized (this) {
                eventsSent += written;
            }
            return written;
        });
    }

    /** Writes a frame built by the caller, in this stream's framing (replays of captured streams). */
    synchronized void sendFrame(String event, String data, String id) {
        if (!closed) {
            deliver(framing.frame(event, data, id), false);
        }
    }

    /** Writes bytes exactly as given, framing or not: garbage lines, stray headers, hex numbers. */
    synchronized void sendRaw(byte[] bytes) {
        if (!closed) {
            write(bytes.clone());
        }
    }

    synchronized void setStalled(boolean stalled) {
        this.stalled = stalled;
    }

    synchronized void dropOnNextEvent() {
        this.dropOnNextEvent = true;
    }

    synchronized void omitIdOnNextEvent() {
        this.omitIdOnNextEvent = true;
    }

    synchronized void splitNextEvent(Duration gap) {
        this.splitGap = gap;
    }

    synchronized void coalesceNextEvents(int count) {
        this.coalesceRemaining = count;
    }

    /** Called by the hub when the client went away; releases timers only. */
    synchronized boolean markClosed() {
        if (closed) {
            return false;
        }
        closed = true;
        cancelTimers();
        return true;
    }

    private void deliver(String frame, boolean applianceEvent) {
        if (coalesceRemaining > 0) {
            coalesced.append(frame);
            if (--coalesceRemaining == 0) {
                write(coalesced.toString().getBytes(StandardCharsets.UTF_8));
                coalesced.setLength(0);
            }
            return;
        }
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        if (applianceEvent && dropOnNextEvent) {
            dropOnNextEvent = false;
            byte[] half = Arrays.copyOf(bytes, bytes.length / 2);
            closed = true;
            cancelTimers();
            context.runOnContext(v -> {
                writeNow(half);
                response.close();
            });
            hub.streamClosed(this);
            return;
        }
        if (applianceEvent && splitGap != null && !splitting) {
            Duration gap = splitGap;
            splitGap = null;
            int middle = bytes.length / 2;
            write(Arrays.copyOf(bytes, middle));
            // From here until the rest is written, every frame waits, or it would land inside this one.
            splitting = true;
            byte[] rest = Arrays.copyOfRange(bytes, middle, bytes.length);
            hub.scheduler().afterRealTime(gap, () -> finishSplit(rest));
            return;
        }
        write(bytes);
    }

    private synchronized void finishSplit(byte[] rest) {
        splitting = false;
        if (closed) {
            return;
        }
        write(rest);
        heldDuringSplit.forEach(this::write);
        heldDuringSplit.clear();
    }

    private void write(byte[] bytes) {
        if (splitting) {
            heldDuringSplit.add(bytes);
            return;
        }
        context.runOnContext(v -> writeNow(bytes));
    }

    private void writeNow(byte[] bytes) {
        if (!response.closed() && !response.ended()) {
            response.write(Buffer.buffer(bytes));
        }
    }

    private void closeWith(boolean abrupt, boolean reset) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            cancelTimers();
        }
        context.runOnContext(v -> {
            if (response.closed()) {
                return;
            }
            if (reset) {
                lingerZero();
            }
            if (abrupt) {
                response.close();
            } else if (!response.ended()) {
                response.end();
            }
        });
        hub.streamClosed(this);
    }

    /** SO_LINGER 0 makes the close an RST; Vert.x has no public API for one connection, hence its internals. */
    private void lingerZero() {
        if (connection instanceof ConnectionBase base) {
            try {
                base.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            } catch (RuntimeException e) {
                // The channel is already closing: the close that follows is abrupt anyway.
            }
        }
    }

    private void cancelTimers() {
        if (keepAliveTimer >= 0) {
            hub.scheduler().cancel(keepAliveTimer);
            keepAliveTimer = -1;
        }
        if (expiryTimer >= 0) {
            hub.scheduler().cancel(expiryTimer);
            expiryTimer = -1;
        }
    }
}
