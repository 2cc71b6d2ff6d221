package io.github.camelsmarthome.simulator.miio;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Runs the fake Xiaomi gateway on its own, for {@code simulate miio} and for developing routes:
 * prints its address, did, model, token and the sub-devices to subscribe to, then takes
 * commands from standard input.
 *
 * <pre>
 * --host H                  address to bind (default 127.0.0.2, so a push server can own 54321 on 127.0.0.1)
 * --port N                  UDP port (default 54321)
 * --did N                   device id (default 123456789)
 * --model M                 gateway model (default lumi.gateway.v3)
 * --token HEX               32 hex characters (default: a random token)
 * --unprovisioned           the hello reply reveals the token
 * --target-port N           port of the push server on a scene's IP (default 54321)
 * --keepalive-seconds N     keepalive hello interval (default 30)
 * --ack-timeout-ms N        wait for an ack before re-sending (default 2000)
 * --retries N               re-sends of an unacknowledged event (default 3)
 * --send-twice              send every event a second time after its ack
 * --sub-device SID=MODEL    pair a sub-device (repeatable; replaces the three default ones)
 * --fire-every SECONDS      fire an event periodically
 * --fire-event SID:EVENT    the periodic event (default: click_ch0 on the first sub-device)
 * --no-stdin                do not read commands from standard input
 * </pre>
 */
public final class MiioSimulatorLauncher {

    /** The button paired by default. */
    public static final SubDevice DEFAULT_BUTTON = new SubDevice("lumi.158d0001a2b3c4", "lumi.sensor_switch.aq2");
    /** The door sensor paired by default. */
    public static final SubDevice DEFAULT_DOOR = new SubDevice("lumi.158d0001d0e1f2", "lumi.sensor_magnet.aq2");
    /** The motion sensor paired by default. */
    public static final SubDevice DEFAULT_MOTION = new SubDevice("lumi.158d0001e3f4a5", "lumi.sensor_motion.aq2");

    private MiioSimulatorLauncher() {
    }

    /** Starts the gateway, prints how to use it to {@code out}, and reads commands from standard input unless told not to. */
    public static MiioSimulatorSession launch(MiioSimulatorOptions options, PrintStream out) {
        FakeGateway gateway = FakeGateway.start(options.gateway());
        MiioSimulatorSession session = new MiioSimulatorSession(gateway, options, out);
        out.print(banner(gateway, options));
        out.flush();
        if (options.readStdin()) {
            session.readCommands(System.in);
        }
        return session;
    }

    /** The lines {@code simulate miio} prints; they include the token, which the user needs to subscribe. */
    public static String banner(FakeGateway gateway, MiioSimulatorOptions options) {
        FakeGatewayOptions config = gateway.options();
        StringBuilder text = new StringBuilder();
        text.append("miIO fake gateway running\n");
        text.append("  address       udp ").append(gateway.localAddress().getAddress().getHostAddress()).append(':')
                .append(gateway.localAddress().getPort()).append('\n');
        text.append("  device id     ").append(config.did()).append("   model ").append(config.model()).append('\n');
        text.append("  token         ").append(config.tokenHex()).append("   (give it to miio-push: to subscribe)\n");
        text.append("  events go to  port ").append(config.targetPort()).append(" of each scene's IP; keepalive every ")
                .append(config.keepaliveInterval().toSeconds()).append(" s, ack timeout ").append(config.ackTimeout().toMillis())
                .append(" ms, ").append(config.retryCount()).append(" retries").append(config.sendEventsTwice() ? ", every event twice" : "")
                .append('\n');
        text.append("  sub-devices   ").append(config.did()).append("   the gateway itself (alarm_triggering)\n");
        for (SubDevice device : config.subDevices()) {
            text.append("                ").append(device.sid()).append("   ").append(device.model()).append('\n');
        }
        if (options.fireEvery() != null) {
            text.append("  every ").append(options.fireEvery().toSeconds()).append(" s: fire ").append(options.fireSid()).append(' ')
                    .append(options.fireEvent()).append('\n');
        }
        text.append(options.readStdin() ? "  commands      " + MiioSimulatorSession.COMMANDS + "\n"
                : "  commands      not read (--no-stdin)\n");
        return text.toString();
    }

    /** Reads the command-line options; throws {@link IllegalArgumentException} on a bad one. */
    public static MiioSimulatorOptions parse(String[] args) {
        FakeGatewayOptions.Builder gateway = FakeGatewayOptions.builder().bindAddress("127.0.0.2");
        boolean subDevicesGiven = false;
        Duration fireEvery = null;
        String fireEvent = null;
        boolean readStdin = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--host" -> gateway.bindAddress(value(args, ++i, arg));
                case "--port" -> gateway.port(number(value(args, ++i, arg), arg));
                case "--did" -> gateway.did(longNumber(value(args, ++i, arg), arg));
                case "--model" -> gateway.model(value(args, ++i, arg));
                case "--token" -> gateway.token(value(args, ++i, arg));
                case "--unprovisioned" -> gateway.provisioned(false);
                case "--target-port" -> gateway.targetPort(number(value(args, ++i, arg), arg));
                case "--keepalive-seconds" -> gateway.keepaliveInterval(Duration.ofSeconds(number(value(args, ++i, arg), arg)));
                case "--ack-timeout-ms" -> gateway.ackTimeout(Duration.ofMillis(number(value(args, ++i, arg), arg)));
                case "--retries" -> gateway.retryCount(number(value(args, ++i, arg), arg));
                case "--send-twice" -> gateway.sendEventsTwice(true);
                case "--sub-device" -> {
                    String[] pair = value(args, ++i, arg).split("=", 2);
                    if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
                        throw new IllegalArgumentException("--sub-device needs SID=MODEL, e.g. lumi.158d0001a2b3c4=lumi.sensor_switch.aq2");
                    }
                    gateway.subDevice(pair[0], pair[1]);
                    subDevicesGiven = true;
                }
                case "--fire-every" -> fireEvery = Duration.ofSeconds(positive(number(value(args, ++i, arg), arg), arg));
                case "--fire-event" -> fireEvent = value(args, ++i, arg);
                case "--no-stdin" -> readStdin = false;
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        if (!subDevicesGiven) {
            for (SubDevice device : new SubDevice[] {DEFAULT_BUTTON, DEFAULT_DOOR, DEFAULT_MOTION}) {
                gateway.subDevice(device.sid(), device.model());
            }
        }
        FakeGatewayOptions built = gateway.build();
        String fireSid = built.subDevices().get(0).sid();
        String fireName = "click_ch0";
        if (fireEvent != null) {
            int colon = fireEvent.lastIndexOf(':');
            if (colon <= 0 || colon == fireEvent.length() - 1) {
                throw new IllegalArgumentException("--fire-event needs SID:EVENT, e.g. lumi.158d0001a2b3c4:click_ch0");
            }
            fireSid = fireEvent.substring(0, colon);
            fireName = fireEvent.substring(colon + 1);
        }
        return new MiioSimulatorOptions(built, fireEvery, fireSid, fireName, readStdin);
    }

    /** The option summary. */
    public static String usage() {
        return "usage: simulate miio [--host H] [--port N] [--did N] [--model M] [--token HEX] [--unprovisioned] [--target-port N]"
                + " [--keepalive-seconds N] [--ack-timeout-ms N] [--retries N] [--send-twice] [--sub-device SID=MODEL]..."
                + " [--fire-every SECONDS] [--fire-event SID:EVENT] [--no-stdin]\n"
                + "  then type: " + MiioSimulatorSession.COMMANDS;
    }

    private static int positive(int value, String option) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " needs a number of 1 or more, got " + value);
        }
        return value;
    }

    private static int number(String value, String option) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got " + value, e);
        }
    }

    private static long longNumber(String value, String option) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got " + value, e);
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
