package io.github.camelsmarthome.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import io.github.camelsmarthome.testing.RunnerMain;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundle's routes to Kafka let the broker's acknowledgement complete the exchange on the Kafka
 * producer's I/O thread (camel-kafka's {@code workerPool} set to Camel's
 * {@code SynchronousExecutorService}, issue #8). That is safe only while nothing follows the Kafka
 * step: a later step would run on the producer's I/O thread and could stall every send. This test
 * loads every route file of {@code routes/} and holds both halves: the three event routes use it,
 * and every endpoint that uses it is its route's last step.
 */
class KafkaRouteCompletionTest {

    private static final String SYNCHRONOUS = "workerPool=#class:org.apache.camel.util.concurrent.SynchronousExecutorService";

    @Test
    void everyKafkaEndpointCompletingOnTheProducersThreadIsTheLastStepOfItsRoute() throws Exception {
        List<RouteDefinition> routes = loadAllRoutes();
        List<String> synchronousRoutes = new ArrayList<>();

        for (RouteDefinition route : routes) {
            List<ProcessorDefinition<?>> outputs = route.getOutputs();
            for (int i = 0; i < outputs.size(); i++) {
                ProcessorDefinition<?> step = outputs.get(i);
                if (step instanceof ToDefinition to && to.getUri().contains(SYNCHRONOUS)) {
                    assertThat(i).as("the Kafka step completing on the producer's thread in route %s must be its last", route.getRouteId())
                            .isEqualTo(outputs.size() - 1);
                    synchronousRoutes.add(route.getRouteId());
                }
                assertThat(nested(step)).as("route %s: no nested step may complete on the producer's thread", route.getRouteId())
                        .noneMatch(uri -> uri.contains(SYNCHRONOUS));
            }
        }

        assertThat(synchronousRoutes).containsExactlyInAnyOrder("homeconnect-to-kafka", "simplisafe-to-kafka", "miio-to-kafka");
    }

    private static List<String> nested(ProcessorDefinition<?> step) {
        List<String> uris = new ArrayList<>();
        for (ProcessorDefinition<?> child : step.getOutputs()) {
            if (child instanceof ToDefinition to) {
                uris.add(to.getUri());
            }
            uris.addAll(nested(child));
        }
        return uris;
    }

    private static List<RouteDefinition> loadAllRoutes() throws Exception {
        Properties on = new Properties();
        // Every system and both sinks on, so that no route is left out by its precondition.
        on.setProperty("smarthome.homeconnect.client-id", "client");
        on.setProperty("smarthome.kafka.brokers", "localhost:9092");
        on.setProperty("smarthome.simplisafe.enabled", "true");
        on.setProperty("smarthome.miio.gateway-host", "192.0.2.1");
        try (CamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setInitialProperties(on);
            context.getPropertiesComponent().setLocation("file:" + RunnerMain.ROUTES.getParent().resolve("config/application.properties"));
            for (Path file : routeFiles()) {
                PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context, "file:" + file));
            }
            return List.copyOf(((ModelCamelContext) context).getRouteDefinitions());
        }
    }

    private static List<Path> routeFiles() throws IOException {
        try (Stream<Path> files = Files.list(RunnerMain.ROUTES)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".xml")).sorted().toList();
        }
    }
}
