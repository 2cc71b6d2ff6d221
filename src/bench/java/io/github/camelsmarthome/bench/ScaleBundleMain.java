package io.github.camelsmarthome.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.camelsmarthome.homeconnect.HomeConnectComponent;
import io.github.camelsmarthome.homeconnect.HomeConnectConstants;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The bundle side of the scale benchmark, in a JVM of its own so that its heap, RSS and threads
 * are the bundle's alone: a Camel context with the bundle's {@code homeconnect} component and one
 * route, {@code homeconnect:events?accountsDir=…} to a sink that only counts, so every stream's
 * cost is the component's (the sinks' own costs are the throughput benchmarks' business).
 * Arguments: API URL, client id, client secret, accounts folder. Answers one line per command:
 *
 * <pre>
 * heap     heap used in bytes right after a full collection (System.gc())
 * events   exchanges the route has seen
 * marked   accounts whose route received the flood's marker event (RemainingProgramTime)
 * forget   forgets them, before the next flood
 * </pre>
 */
public final class ScaleBundleMain {

    /** The item key of the simulator's flood events. */
    static final String FLOOD_KEY = "BSH.Common.Option.RemainingProgramTime";

    private ScaleBundleMain() {
    }

    public static void main(String[] args) throws Exception {
        String apiUrl = args[0];
        String folder = args[3];
        LongAdder events = new LongAdder();
        Set<String> marked = ConcurrentHashMap.newKeySet();
        DefaultCamelContext camel = new DefaultCamelContext();
        HomeConnectComponent homeconnect = new HomeConnectComponent();
        homeconnect.getConfiguration().setClientId(args[1]);
        homeconnect.getConfiguration().setClientSecret(args[2]);
        homeconnect.getConfiguration().setApiUrl(apiUrl);
        camel.addComponent("homeconnect", homeconnect);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("homeconnect:events?accountsDir=" + folder).routeId("scale-sink").process(exchange -> {
                    events.increment();
                    HomeConnectEvent event = exchange.getMessage().getBody(HomeConnectEvent.class);
                    if (event != null && event.items().stream().anyMatch(item -> FLOOD_KEY.equals(item.key()))) {
                        marked.add(exchange.getMessage().getHeader(HomeConnectConstants.ACCOUNT, String.class));
                    }
                });
            }
        });
        camel.start();
        System.out.println("ready");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String answer = switch (line.trim()) {
                case "heap" -> Long.toString(heapAfterFullCollection());
                case "events" -> Long.toString(events.sum());
                case "marked" -> Integer.toString(marked.size());
                case "forget" -> {
                    marked.clear();
                    yield "ok";
                }
                default -> "unknown command " + line;
            };
            System.out.println(answer);
            System.out.flush();
        }
        camel.stop();
        System.exit(0);
    }

    private static long heapAfterFullCollection() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
