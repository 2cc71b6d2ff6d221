package io.github.camelsmarthome.app;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

import io.github.camelsmarthome.simulator.homeconnect.HomeConnectSimulatorLauncher;
import io.github.camelsmarthome.simulator.miio.MiioSimulatorLauncher;
import io.github.camelsmarthome.simulator.simplisafe.SimpliSafeSimulatorLauncher;

/**
 * {@code simulate <system> [options]}: one simulator on its own, to develop routes against, until
 * Ctrl-C.
 */
final class SimulateCommand {

    /** How to start one system's simulator from its command-line options. */
    private record Launcher(Function<String[], AutoCloseable> start, String usage) {
    }

    private final PrintStream out;
    private final PrintStream err;

    SimulateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    private Launcher launcher(String system) {
        return switch (system) {
            case "homeconnect" -> new Launcher(args -> HomeConnectSimulatorLauncher.launch(HomeConnectSimulatorLauncher.parse(args), out),
                    HomeConnectSimulatorLauncher.usage());
            case "simplisafe" -> new Launcher(args -> SimpliSafeSimulatorLauncher.launch(SimpliSafeSimulatorLauncher.parse(args), out),
                    SimpliSafeSimulatorLauncher.usage());
            case "miio" -> new Launcher(args -> MiioSimulatorLauncher.launch(MiioSimulatorLauncher.parse(args), out),
                    MiioSimulatorLauncher.usage());
            default -> null;
        };
    }

    int run(String system, List<String> options) {
        Launcher launcher = launcher(system);
        if (launcher == null) {
            err.println("camel-smarthome: 'simulate " + system + "' is not available in this version yet: it arrives with the "
                        + system + " component");
            return SmarthomeCli.EXIT_USAGE;
        }
        if (options.contains("--help") || options.contains("-h")) {
            out.println(launcher.usage());
            return 0;
        }
        AutoCloseable simulator;
        try {
            simulator = launcher.start().apply(options.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            err.println("camel-smarthome: simulate " + system + ": " + e.getMessage());
            err.println(launcher.usage());
            return SmarthomeCli.EXIT_USAGE;
        } catch (RuntimeException e) {
            err.println("camel-smarthome: simulate " + system + ": could not start: " + e.getMessage());
            return SmarthomeCli.EXIT_FAILURE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                simulator.close();
            } catch (Exception e) {
                err.println("camel-smarthome: simulate " + system + ": did not stop cleanly: " + e.getMessage());
            }
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
