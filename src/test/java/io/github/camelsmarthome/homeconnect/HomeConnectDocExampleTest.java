package io.github.camelsmarthome.homeconnect;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.camelsmarthome.simulator.homeconnect.SimulatedAppliance;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The YAML example of docs/homeconnect.md, exactly as printed there, does what the text says
 * against the fake cloud: when the coffee maker's water tank runs empty, its cup warmer goes off.
 */
class HomeConnectDocExampleTest extends HomeConnectComponentTestSupport {

    private static final Path PROJECT = Path.of(System.getProperty("camel-smarthome.project.dir", "."));
    private static final String CUP_WARMER = "ConsumerProducts.CoffeeMaker.Setting.CupWarmer";

    @Test
    void theYamlExampleSwitchesTheCupWarmerOffWhenTheWaterTankIsEmpty() throws Exception {
        String yaml = codeBlockContaining("id: coffee-tank-empty");
        CamelContext camel = newCamel(configuration -> { }, new RouteBuilder() {
            @Override
            public void configure() {
                // The example's route is loaded from the doc below.
            }
        });
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("doc-example.yaml", yaml));
        camel.start();
        awaitStreamOpen();
        SimulatedAppliance coffeeMaker = cloud.household().coffeeMaker();
        assertThat(coffeeMaker.setting(CUP_WARMER).asBoolean()).isTrue();

        coffeeMaker.raiseEvent("ConsumerProducts.CoffeeMaker.Event.WaterTankEmpty");

        await().atMost(TIMEOUT).until(() -> !coffeeMaker.setting(CUP_WARMER).asBoolean());
    }

    private static String codeBlockContaining(String marker) throws Exception {
        String doc = Files.readString(PROJECT.resolve("docs/homeconnect.md"), StandardCharsets.UTF_8);
        int at = doc.indexOf(marker);
        assertThat(at).as("the example in docs/homeconnect.md").isNotNegative();
        int start = doc.lastIndexOf("```yaml\n", at) + "```yaml\n".length();
        return doc.substring(start, doc.indexOf("```", at));
    }
}
