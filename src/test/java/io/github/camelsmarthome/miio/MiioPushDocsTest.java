package io.github.camelsmarthome.miio;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.github.camelsmarthome.miio.protocol.MiioEventCatalog;
import io.github.camelsmarthome.testing.ComponentReferenceDoc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/miio.md stays in step with the code: its option and header tables list exactly what the
 * build generated into {@code miio-push.json}, with the same defaults and descriptions, and its
 * device table lists every model and action of the built-in event catalog. Change an option's
 * Javadoc, a header or the catalog, and this fails until the reference says so too.
 */
class MiioPushDocsTest {

    private static ComponentReferenceDoc doc;

    @BeforeAll
    static void readMetadataAndDoc() throws IOException {
        doc = ComponentReferenceDoc.read("miio.md", "/META-INF/io/github/camelsmarthome/miio/miio-push.json");
    }

    @Test
    void everyComponentOptionIsDocumentedWithItsDefaultAndDescription() {
        doc.assertComponentOptions("### Component options");
    }

    @Test
    void everyEndpointOptionIsDocumentedWithItsDefaultAndDescription() {
        doc.assertEndpointOptions("### Endpoint options");
    }

    @Test
    void everyHeaderIsDocumentedWithItsDescription() {
        doc.assertHeaders("## Headers");
    }

    @Test
    void everyModelOfTheBuiltInCatalogIsListedWithItsActions() {
        Map<String, List<String>> rows = doc.table("## Supported devices");
        MiioEventCatalog catalog = MiioEventCatalog.builtIn();

        assertThat(new TreeSet<>(rows.keySet())).as("models in the doc").isEqualTo(new TreeSet<>(catalog.models()));
        for (String model : catalog.models()) {
            assertThat(rows.get(model).get(1)).as("actions of " + model)
                    .isEqualTo(String.join(", ", catalog.actionsOf(model).stream().map(a -> "`" + a + "`").toList()));
        }
    }

    @Test
    void theReferenceLinksTheSimulatorDoc() throws IOException {
        assertThat(Files.readString(ComponentReferenceDoc.PROJECT.resolve("docs/miio.md"))).contains("](miio-simulator.md)");
    }

    @Test
    void theReferenceIsLinkedFromTheDocsIndex() throws IOException {
        doc.assertLinkedFromTheIndex();
    }
}
