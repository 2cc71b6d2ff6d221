package io.github.camelsmarthome.bench;

/**
 * {@link RawMqttBaseline} in a JVM of its own, started with the same options as the bundle's JVM
 * of {@link BundleJvmLatencyBench}: the transport's floor in the same layout. Arguments: MQTT URL,
 * events per second, seconds, warm-up events. Prints one line: the publishes Paho refused and
 * that were sent again, then the series as {@link Latencies#encode}.
 */
public final class RawMqttBaselineMain {

    private RawMqttBaselineMain() {
    }

    public static void main(String[] args) throws Exception {
        RawMqttBaseline raw = new RawMqttBaseline(args[0]);
        Latencies series = raw.run(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        System.out.println(raw.refusedAgain() + " " + series.encode());
        System.out.flush();
        System.exit(0);
    }
}
