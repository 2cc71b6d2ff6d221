package io.github.camelsmarthome.app;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.github.camelsmarthome.simulator.homeconnect.HomeConnectSimulator;
import io.github.camelsmarthome.simulator.homeconnect.HomeConnectSimulatorLauncher;
import io.github.camelsmarthome.simulator.homeconnect.SimulatorOptions;

/**
 * {@code simulate <system> [options]}: one simulator on its own, to develop routes against, until
 * Ctrl-C.
 */
final class SimulateCommand {

    private final PrintStream out;
    private final PrintStream err;

    SimulateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String system, List<String> options) {
        if (!"homeconnect".equals(system)) {
            err.println("camel-smarthome: 'simulate " + system + "' is not available in this version yet: it arrives with the "
                        + system + " component");
            return SmarthomeCli.EXIT_USAGE;
        }
        if (options.contains("--help") || options.contains("-h")) {
            out.println(HomeConnectSimulatorLauncher.usage());
            return 0;
        }
        SimulatorOptions parsed;
        try {
            parsed = HomeConnectSimulatorLauncher.parse(options.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            err.println("camel-smarthome: simulate homeconnect: " + e.getMessage());
            err.println(HomeConnectSimulatorLauncher.usage());
            return SmarthomeCli.EXIT_USAGE;
        }
        HomeConnectSimulator simulator;
        try {
            simulator = HomeConnectSimulatorLauncher.launch(parsed, out);
        } catch (RuntimeException e) {
            err.println("camel-smarthome: simulate homeconnect: could not start: " + e.getMessage());
            return SmarthomeCli.EXIT_FAILURE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
