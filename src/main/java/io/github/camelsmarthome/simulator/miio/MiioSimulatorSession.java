package io.github.camelsmarthome.simulator.miio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A running {@code simulate miio}: the gateway, the optional periodic event, and the command
 * line ({@code fire}, {@code scenes}, {@code stats}, {@code silent}, {@code back}, {@code help}).
 */
public final class MiioSimulatorSession implements AutoCloseable {

    /** The commands {@link #execute} understands. */
    public static final String COMMANDS = "fire <sid> <event-or-extra> [params JSON] | scenes | stats | silent | back | help";

    private final FakeGateway gateway;
    private final PrintStream out;
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService timer;

    MiioSimulatorSession(FakeGateway gateway, MiioSimulatorOptions options, PrintStream out) {
        this.gateway = gateway;
        this.out = out;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "miio-simulator-timer");
            thread.setDaemon(true);
            return thread;
        });
        if (options.fireEvery() != null) {
            long period = options.fireEvery().toMillis();
            timer.scheduleAtFixedRate(() -> out.println(execute("fire " + options.fireSid() + " " + options.fireEvent())), period, period,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** The gateway. */
    public FakeGateway gateway() {
        return gateway;
    }

    /** Reads commands from {@code in} on a daemon thread until it ends, printing each answer. */
    void readCommands(InputStream in) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (!line.isBlank()) {
                        out.println(execute(line));
                    }
                }
            } catch (IOException e) {
                out.println("standard input closed: " + e.getMessage());
            }
        }, "miio-simulator-commands");
        reader.setDaemon(true);
        reader.start();
    }

    /** Runs one command line and returns what to print. A fire waits for its deliveries to end. */
    public String execute(String line) {
        String[] words = line.trim().split("\\s+", 4);
        return switch (words[0]) {
            case "fire" -> fire(words);
            case "scenes" -> scenes();
            case "stats" -> stats();
            case "silent" -> {
                gateway.goSilent();
                yield "silent: no answers, keepalives or events until 'back'";
            }
            case "back" -> {
                gateway.comeBack();
                yield "back";
            }
            case "help" -> COMMANDS;
            default -> "unknown command '" + words[0] + "'; commands: " + COMMANDS;
        };
    }

    private String fire(String[] words) {
        if (words.length < 3) {
            return "usage: fire <sid> <event-or-extra> [params JSON]";
        }
        JsonNode params = null;
        if (words.length == 4) {
            try {
                params = json.readTree(words[3]);
            } catch (JsonProcessingException e) {
                return "params are not JSON: " + e.getOriginalMessage();
            }
        }
        try {
            List<DeliveryOutcome> outcomes = gateway.fire(words[1], words[2], params).get(1, TimeUnit.MINUTES);
            if (outcomes.isEmpty()) {
                return "no scene on the gateway is triggered by " + words[1] + " " + words[2]
                        + (gateway.isSilent() ? " (the gateway is silent)" : " (subscribe first)");
            }
            return outcomes.stream().map(outcome -> "sent " + outcome.method() + " id " + outcome.eventId() + " to " + outcome.targetIp()
                    + ": " + (outcome.acknowledged() ? "acknowledged" : "NOT acknowledged") + " after " + outcome.attempts() + " send(s)")
                    .collect(Collectors.joining("\n"));
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return "fire failed: " + e;
        }
    }

    private String scenes() {
        List<StoredScene> scenes = gateway.scenes();
        if (scenes.isEmpty()) {
            return "no scenes";
        }
        return scenes.stream().map(scene -> scene.id() + ": " + scene.trigger().did() + " " + scene.trigger().eventName() + " "
                + scene.trigger().extra() + " -> " + scene.targetIp() + " " + scene.command()).collect(Collectors.joining("\n"));
    }

    private String stats() {
        GatewayStats stats = gateway.stats();
        return "hellos answered " + stats.hellosAnswered() + ", requests " + stats.requestsAnswered() + ", dropped "
                + stats.datagramsDropped() + ", events sent " + stats.eventsSent() + ", acked " + stats.eventsAcked() + ", retransmitted "
                + stats.retransmissions() + ", unacknowledged " + stats.eventsUnacknowledged() + ", keepalives " + stats.keepalivesSent();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        gateway.close();
    }
}
