package io.github.camelsmarthome.app;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.github.camelsmarthome.SmarthomeVersion;

/**
 * The runner's command line: {@code run}, {@code demo}, {@code authorize <system>},
 * {@code simulate <system>}, {@code --help}, {@code --version}.
 *
 * <p>Exit codes: 0 done, 1 failed while running, 2 wrong usage or a capability this version does
 * not have, 3 bad configuration. Every failure is one line on standard error, never a stack trace.
 */
public final class SmarthomeCli {

    /** Wrong usage, or a command whose capability this build does not have yet. */
    public static final int EXIT_USAGE = 2;
    /** A configuration value that cannot work. */
    public static final int EXIT_CONFIGURATION = 3;
    /** Failed at run time. */
    public static final int EXIT_FAILURE = 1;

    static final List<String> SYSTEMS = List.of("homeconnect", "simplisafe", "miio");

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final boolean terminal;

    SmarthomeCli(PrintStream out, PrintStream err, Map<String, String> env) {
        this(InputStream.nullInputStream(), out, err, env, false);
    }

    /** @param terminal whether a person watches a terminal: progress then rewrites one line instead of adding lines */
    SmarthomeCli(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, boolean terminal) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
        this.terminal = terminal;
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        RunnerJvmDefaults.applyTo(System.getProperties());
        RunnerJvmDefaults.applyToThisVm();
        int code = new SmarthomeCli(System.in, System.out, System.err, System.getenv(), System.console() != null).execute(args);
        System.exit(code);
    }

    int execute(String[] args) {
        if (args.length == 0) {
            err.println("camel-smarthome: no command given. Try: run, demo, authorize <system>, simulate <system>, --help");
            return EXIT_USAGE;
        }
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (command) {
            case "--help", "-h", "help" -> {
                out.print(usage());
                return 0;
            }
            case "--version", "-V", "version" -> {
                out.println("camel-smarthome " + SmarthomeVersion.get());
                return 0;
            }
            case "run" -> {
                return noArguments("run", rest) ? new RunCommand(env, err).run() : EXIT_USAGE;
            }
            case "demo" -> {
                return noArguments("demo", rest) ? new DemoCommand(env, out, err).run() : EXIT_USAGE;
            }
            case "authorize" -> {
                if (!rest.isEmpty() && rest.get(0).equals("homeconnect")) {
                    return new AuthorizeHomeConnectCommand(env, in, out, err, terminal).run(rest.subList(1, rest.size()));
                }
                if (!rest.isEmpty() && rest.get(0).equals("simplisafe")) {
                    return new AuthorizeSimpliSafeCommand(env, in, out, err).run(rest.subList(1, rest.size()));
                }
                return notYet("authorize", rest, List.of("homeconnect", "simplisafe"));
            }
            case "simulate" -> {
                if (rest.isEmpty() || !SYSTEMS.contains(rest.get(0))) {
                    err.println("camel-smarthome: usage: simulate <system> [options], where <system> is one of " + String.join(", ", SYSTEMS));
                    return EXIT_USAGE;
                }
                return new SimulateCommand(out, err).run(rest.get(0), rest.subList(1, rest.size()));
            }
            default -> {
                err.println("camel-smarthome: unknown command '" + command
                            + "'. Commands: run, demo, authorize <system>, simulate <system>, --help, --version");
                return EXIT_USAGE;
            }
        }
    }

    private boolean noArguments(String command, List<String> rest) {
        if (rest.isEmpty()) {
            return true;
        }
        err.println("camel-smarthome: '" + command + "' takes no arguments (got " + String.join(" ", rest)
                    + "); it is configured through the environment, see --help");
        return false;
    }

    private int notYet(String command, List<String> rest, List<String> systems) {
        if (rest.size() != 1 || !systems.contains(rest.get(0))) {
            err.println("camel-smarthome: usage: " + command + " <system>, where <system> is one of " + String.join(", ", systems));
            return EXIT_USAGE;
        }
        err.println("camel-smarthome: '" + command + " " + rest.get(0) + "' is not available in this version yet: it arrives with the "
                    + rest.get(0) + " component");
        return EXIT_USAGE;
    }

    static String usage() {
        return """
                camel-smarthome %s: Home Connect, SimpliSafe and Xiaomi gateways to Kafka and Home Assistant (MQTT)

                Usage: java -jar camel-smarthome-runner.jar <command>

                Commands:
                  run                  start the bridge: routes from ROUTES_DIR, settings from the environment
                                       and from CONFIG_FILE (default config/application.properties)
                  demo                 zero set-up demo with an embedded MQTT broker; prints what flows
                  authorize <system>   one-time login that writes the token store (homeconnect, simplisafe);
                                       authorize homeconnect uses the device flow, --code the authorization-code flow;
                                       authorize simplisafe prints a browser login URL and reads the code back;
                                       --account <name> writes one account of an accounts folder (STATE_DIR)
                  simulate <system>    run one simulator on its own (homeconnect, simplisafe, miio);
                                       `simulate homeconnect --help` lists its options
                  --help               this text
                  --version            the version

                Environment (see README.md, "Configuration"):
                  ROUTES_DIR, STATE_DIR, CONFIG_FILE, KAFKA_BROKERS, MQTT_URL, MQTT_USERNAME, MQTT_PASSWORD,
                  MQTT_PASSWORD_FILE, MQTT_BASE_TOPIC, HA_DISCOVERY_PREFIX, METRICS_PORT, LOG_LEVEL, Kafka security
                  (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_*; docs/security.md), and per system
                  HOMECONNECT_*, SIMPLISAFE_*, MIIO_*.

                Health: http://localhost:${METRICS_PORT:-9876}/observe/health  Metrics: /observe/metrics

                Exit codes: 0 done, 1 failed while running, 2 wrong usage, 3 bad configuration.
                """.formatted(SmarthomeVersion.get());
    }
}
