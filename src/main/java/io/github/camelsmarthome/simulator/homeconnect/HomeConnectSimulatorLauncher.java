package io.github.camelsmarthome.simulator.homeconnect;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Runs the simulator on its own, for {@code simulate homeconnect} and for developing routes:
 * prints the base URL, the app's credentials and, as clients start device logins, the user codes
 * to approve.
 *
 * <pre>
 * --port N                 TCP port (default 0: a free one)
 * --host H                 interface (default 127.0.0.1)
 * --time-scale X           appliance seconds per real second (default 60)
 * --keep-alive-seconds N   KEEP-ALIVE spacing (default 55)
 * --framing simulator      BSH-simulator spacing instead of production framing
 * --auto-approve           approve device logins without a visit to the verification page
 * --token-lifetime-seconds N   access-token lifetime (default 86400)
 * --real-rate-limits       enforce the production quotas (default: none)
 * </pre>
 */
public final class HomeConnectSimulatorLauncher {

    private HomeConnectSimulatorLauncher() {
    }

    /**
     * Starts a simulator and prints how to use it to {@code out}; each device login started later
     * prints its user code and verification link there too.
     */
    public static HomeConnectSimulator launch(SimulatorOptions options, PrintStream out) {
        HomeConnectSimulator simulator = HomeConnectSimulator.start(options);
        simulator.authorization().onDeviceAuthorization(request -> out.println(
                "Device login requested: user code " + request.userCode() + " - approve at " + request.verificationUriComplete()));
        out.print(banner(simulator));
        out.flush();
        return simulator;
    }

    /** The lines {@code simulate homeconnect} prints. */
    public static String banner(HomeConnectSimulator simulator) {
        StringBuilder text = new StringBuilder();
        text.append("Home Connect simulator running\n");
        text.append("  base URL        ").append(simulator.baseUrl()).append('\n');
        text.append("  client id       ").append(simulator.clientId()).append('\n');
        text.append("  client secret   ").append(simulator.clientSecret() == null ? "(none)" : simulator.clientSecret()).append('\n');
        text.append("  redirect URI    ").append(simulator.redirectUri()).append('\n');
        text.append("  device login    POST ").append(simulator.baseUrl()).append("/security/oauth/device_authorization;")
                .append(" the user code appears below, approve it at ").append(simulator.baseUrl()).append("/security/oauth/device\n");
        text.append("  appliances\n");
        for (SimulatedAppliance appliance : simulator.household().appliances()) {
            text.append("    ").append(String.format("%-12s", appliance.type())).append(appliance.haId()).append('\n');
        }
        return text.toString();
    }

    /** Reads the command-line options; throws {@link IllegalArgumentException} on a bad one. */
    public static SimulatorOptions parse(String[] args) {
        SimulatorOptions.Builder builder = SimulatorOptions.builder().timeScale(60).rateLimits(RateLimits.unlimited());
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> builder.port(Integer.parseInt(value(args, ++i, arg)));
                case "--host" -> builder.host(value(args, ++i, arg));
                case "--time-scale" -> builder.timeScale(Double.parseDouble(value(args, ++i, arg)));
                case "--keep-alive-seconds" -> builder.keepAliveInterval(Duration.ofSeconds(Long.parseLong(value(args, ++i, arg))));
                case "--token-lifetime-seconds" -> builder.accessTokenLifetime(Duration.ofSeconds(Long.parseLong(value(args, ++i, arg))));
                case "--framing" -> builder.framing(SseFraming.valueOf(value(args, ++i, arg).toUpperCase(Locale.ROOT)));
                case "--auto-approve" -> builder.autoApproveDeviceCodes(true);
                case "--real-rate-limits" -> builder.rateLimits(RateLimits.standard());
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        return builder.build();
    }

    /** The option summary. */
    public static String usage() {
        return "usage: simulate homeconnect [--port N] [--host H] [--time-scale X] [--keep-alive-seconds N]"
                + " [--framing production|simulator] [--auto-approve] [--token-lifetime-seconds N] [--real-rate-limits]";
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
