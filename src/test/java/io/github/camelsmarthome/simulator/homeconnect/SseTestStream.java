package io.github.camelsmarthome.simulator.homeconnect;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Reads a server-sent event stream with {@link HttpClient} byte by byte on its own thread, keeping
 * the raw bytes (to check framing and truncation), the lines and the parsed events.
 */
final class SseTestStream implements AutoCloseable {

    /** One parsed event; {@code data}/{@code id} are {@code null} when the frame had no such line. */
    record Event(String event, String data, String id) {
    }

    private final HttpResponse<InputStream> response;
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private final ByteArrayOutputStream pendingLine = new ByteArrayOutputStream();
    private final List<String> lines = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final Thread reader;
    private String event;
    private String data;
    private String id;
    private boolean ended;
    private IOException failure;

    private SseTestStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-reader");
        this.reader.setDaemon(true);
        if (response.statusCode() == 200) {
            reader.start();
        }
    }

    static SseTestStream open(HomeConnectSimulator cloud, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(cloud.baseUrl() + path))
                .header("Accept", "text/event-stream").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return new SseTestStream(SimulatorHttp.CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
                    .get(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new IllegalStateException("Could not open " + path, e);
        }
    }

    int status() {
        return response.statusCode();
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    /** The error body of a stream that did not open. */
    String errorBody() throws IOException {
        try (InputStream in = response.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    synchronized String rawText() {
        return raw.toString(StandardCharsets.UTF_8);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    synchronized List<Event> events(String type) {
        return events.stream().filter(e -> type.equals(e.event())).toList();
    }

    synchronized boolean ended() {
        return ended;
    }

    synchronized IOException failure() {
        return failure;
    }

    /** Waits for the first event (from the start) that matches. */
    Event awaitEvent(Duration timeout, Predicate<Event> condition) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(10))
                .until(() -> events().stream().anyMatch(condition));
        return events().stream().filter(condition).findFirst().orElseThrow();
    }

    void awaitEnd(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(10)).until(this::ended);
    }

    private void read() {
        byte[] buffer = new byte[4096];
        try (InputStream in = response.body()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                accept(buffer, n);
            }
        } catch (IOException e) {
            synchronized (this) {
                failure = e;
            }
        } finally {
            synchronized (this) {
                ended = true;
            }
        }
    }

    private synchronized void accept(byte[] buffer, int length) {
        raw.write(buffer, 0, length);
        for (int i = 0; i < length; i++) {
            byte b = buffer[i];
            if (b == '\n') {
                String line = pendingLine.toString(StandardCharsets.UTF_8);
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                pendingLine.reset();
                lines.add(line);
                parse(line);
            } else {
                pendingLine.write(b);
            }
        }
    }

    /** The SSE parsing rules of brief section 8.2, the way a careful client applies them. */
    private void parse(String line) {
        if (line.isEmpty()) {
            if (event != null || data != null || id != null) {
                events.add(new Event(event, data, id));
            }
            event = null;
            data = null;
            id = null;
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> event = value;
            case "data" -> data = data == null ? value : data + "\n" + value;
            case "id" -> id = value;
            default -> {
                // unknown fields are ignored, as the SSE specification says
            }
        }
    }

    @Override
    public void close() {
        reader.interrupt();
        try {
            response.body().close();
        } catch (IOException e) {
            // closing a stream the server already closed
        }
    }
}
