package io.github.camelsmarthome.homeassistant.discovery;

import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.configs;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.options;
import static io.github.camelsmarthome.homeassistant.discovery.DiscoveryFixtures.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.testing.ComponentReferenceDoc;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** docs/home-assistant.md stays in step with the entities the core publishes. */
class HomeAssistantDocsTest {

    @Test
    void everyEntityKeyAndCommandTopicIsDocumented() throws IOException {
        String doc = Files.readString(ComponentReferenceDoc.PROJECT.resolve("docs/home-assistant.md"));
        TreeSet<String> keys = new TreeSet<>();
        TreeSet<String> commands = new TreeSet<>();
        HomeAssistantDiscovery discovery = new HomeAssistantDiscovery(options(DiscoveryMode.DEVICE));
        for (DiscoveryMessage config : configs(DiscoveryContractTest.everyKindOfDevice(discovery))) {
            Iterator<java.util.Map.Entry<String, JsonNode>> components = payload(config).path("cmps").fields();
            components.forEachRemaining(component -> {
                if (!component.getValue().path("p").asText().equals("device_automation")) {
                    keys.add(component.getKey());
                }
                String command = component.getValue().path("command_topic").asText(null);
                if (command != null) {
                    // camel-smarthome/<system>/<id>/<feature>/set -> /<feature>/set
                    String[] parts = command.split("/", 4);
                    commands.add(parts[1] + "/…/" + parts[3]);
                }
            });
        }
        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(doc).as(key).contains("`" + key + "`"));
        assertThat(commands).isNotEmpty().allSatisfy(command -> {
            String[] parts = command.split("/…/");
            assertThat(doc).as(command).containsPattern("`<base>/" + parts[0] + "/<[a-zA-Z]+>/" + parts[1] + "`");
        });
    }
}
