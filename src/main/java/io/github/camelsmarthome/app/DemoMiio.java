package io.github.camelsmarthome.app;

import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelsmarthome.miio.protocol.MiioPushEvent;
import io.github.camelsmarthome.simulator.miio.FakeGateway;
import io.github.camelsmarthome.simulator.miio.FakeGatewayOptions;
import org.apache.camel.builder.RouteBuilder;

/**
 * The demo's Xiaomi gateway: the fake gateway with a wireless switch, a door sensor and a motion
 * sensor, the {@code miio-push:} component's push server on a free loopback port (the real one
 * needs UDP 54321, which the demo leaves alone), a route that prints every event, and some life: the
 * switch is clicked, the door opens and closes, motion is seen.
 */
final class DemoMiio implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final long LIFE_PERIOD_SECONDS = 10;
    private static final String LOOPBACK = "127.0.0.1";
    private static final String SWITCH = "lumi.158d0001a2b3c4";
    private static final String DOOR = "lumi.158d0002b3c4d5";
    private static final String MOTION = "lumi.158d0003c4d5e6";

    private final FakeGateway gateway;
    private final int pushPort;
    private final ScheduledExecutorService life = DemoSupport.lifeTimer("demo-miio-gateway");
    private int step;

    private DemoMiio(FakeGateway gateway, int pushPort) {
        this.gateway = gateway;
        this.pushPort = pushPort;
    }

    static DemoMiio start() throws IOException {
        int pushPort = freeUdpPort();
        FakeGateway gateway = FakeGateway.start(FakeGatewayOptions.builder().bindAddress(LOOPBACK).port(0).targetPort(pushPort)
                .subDevice(SWITCH, "lumi.sensor_switch.aq2").subDevice(DOOR, "lumi.sensor_magnet.v2")
                .subDevice(MOTION, "lumi.sensor_motion.v2").build());
        return new DemoMiio(gateway, pushPort);
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getByName(LOOPBACK))) {
            return probe.getLocalPort();
        }
    }

    /** The options that point {@code miio-push:} at the fake gateway. */
    Map<String, String> properties() {
        return Map.of(
                "smarthome.miio.gateway-host", LOOPBACK,
                "camel.component.miio-push.token", gateway.options().tokenHex(),
                "camel.component.miio-push.devices", SWITCH + ":lumi.sensor_switch.aq2," + DOOR + ":lumi.sensor_magnet.v2,"
                                                     + MOTION + ":lumi.sensor_motion.v2",
                "camel.component.miio-push.bindAddress", LOOPBACK,
                "camel.component.miio-push.advertisedAddress", LOOPBACK,
                "camel.component.miio-push.port", Integer.toString(pushPort),
                "camel.component.miio-push.gatewayPort", Integer.toString(gateway.localAddress().getPort()));
    }

    /** A route that prints each gateway event on the console. */
    RouteBuilder consoleRoute(PrintStream out) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("miio-push:" + LOOPBACK).routeId("demo-miio-console")
                        .process(exchange -> out.println(line(exchange.getMessage().getBody(MiioPushEvent.class))));
            }
        };
    }

    /** Starts the gateway's life. */
    void liven() {
        life.scheduleWithFixedDelay(this::nextStep, 6, LIFE_PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    private void nextStep() {
        try {
            switch (step++ % 4) {
                case 0 -> gateway.fire(SWITCH, "click_ch0");
                case 1 -> gateway.fire(DOOR, "open");
                case 2 -> gateway.fire(DOOR, "close");
                default -> gateway.fire(MOTION, "motion");
            }
        } catch (RuntimeException e) {
            // A refused step is part of life; the next one follows.
        }
    }

    private static String line(MiioPushEvent event) {
        return LocalTime.now().format(TIME) + "  miio         " + event.deviceId() + "  " + event.type()
               + (event.model() == null ? "" : "  (" + event.model() + ")");
    }

    /** What the gateway has, for the banner. */
    String describe() {
        return "a gateway with a switch, a door sensor and a motion sensor at udp://" + LOOPBACK + ":" + gateway.localAddress().getPort()
               + ", push server on udp://" + LOOPBACK + ":" + pushPort;
    }

    @Override
    public void close() {
        life.shutdownNow();
        gateway.close();
    }
}
