package io.github.camelsmarthome.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The bundle side of the latency runs in a JVM of its own ({@link BundleJvm}): the runner's Camel
 * Main with the route files and properties the parent wrote (argument 1: a properties file, so no
 * secret travels on a command line) and a {@link RouteLatencyProbe} on the route named by argument
 * 2. Nothing else runs in this JVM, as in a deployment: the simulator and the brokers are other
 * processes. Answers one line per command:
 *
 * <pre>
 * completed   exchanges of the route completed so far
 * await N     the same, once at least N have completed (at most 5 minutes)
 * settle      the same, once none has completed for a second
 * record      starts a new series of latencies: "ok"
 * stop        stops it: "failed leftovers histogram" (histogram as {@link Latencies#encode})
 * </pre>
 */
public final class RouteBundleMain {

    private RouteBundleMain() {
    }

    public static void main(String[] args) throws Exception {
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            file.load(reader);
        }
        Map<String, String> properties = new HashMap<>();
        file.stringPropertyNames().forEach(name -> properties.put(name, file.getProperty(name)));
        RouteLatencyProbe probe = new RouteLatencyProbe(args[1]);
        Latencies series = null;
        try (BridgeRunner runner = BridgeRunner.start(properties, probe)) {
            System.out.println("ready");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                String[] command = line.trim().split(" ");
                String answer;
                switch (command[0]) {
                    case "completed" -> answer = Long.toString(probe.completed());
                    case "await" -> {
                        probe.awaitCompleted(Long.parseLong(command[1]));
                        answer = Long.toString(probe.completed());
                    }
                    case "settle" -> {
                        probe.settle();
                        answer = Long.toString(probe.completed());
                    }
                    case "record" -> {
                        series = new Latencies("bundle JVM");
                        probe.recordInto(series);
                        answer = "ok";
                    }
                    case "stop" -> {
                        probe.recordInto(null);
                        answer = probe.failed() + " " + probe.leftovers() + " "
                                + (series == null ? new Latencies("none") : series).encode();
                        series = null;
                    }
                    default -> answer = "unknown command " + line;
                }
                System.out.println(answer);
                System.out.flush();
            }
        }
        System.exit(0);
    }
}
