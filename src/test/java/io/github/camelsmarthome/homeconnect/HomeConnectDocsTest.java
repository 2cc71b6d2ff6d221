package io.github.camelsmarthome.homeconnect;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.github.camelsmarthome.homeconnect.api.HomeConnectOperation;
import io.github.camelsmarthome.testing.ComponentReferenceDoc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.camelsmarthome.testing.ComponentReferenceDoc.unquoted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/homeconnect.md stays in step with the code: its option and header tables list exactly what
 * the build generated into {@code homeconnect.json}, with the same defaults and descriptions, and
 * its operations table names every operation with its HTTP method and path. Change an option's
 * Javadoc, add a header or an operation, and this fails until the reference says so too.
 */
class HomeConnectDocsTest {

    private static ComponentReferenceDoc doc;

    @BeforeAll
    static void readMetadataAndDoc() throws IOException {
        doc = ComponentReferenceDoc.read("homeconnect.md", "/META-INF/io/github/camelsmarthome/homeconnect/homeconnect.json");
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
    void everyOperationIsDocumentedWithItsMethodAndPath() {
        Map<String, List<String>> rows = doc.table("### Operations");

        TreeSet<String> expected = new TreeSet<>(Arrays.stream(HomeConnectOperation.values()).map(Enum::name).toList());
        expected.add(HomeConnectEndpoint.EVENTS);
        assertThat(new TreeSet<>(rows.keySet())).as("operations in the doc").isEqualTo(expected);
        for (HomeConnectOperation operation : HomeConnectOperation.values()) {
            assertThat(unquoted(rows.get(operation.name()).get(1))).as("HTTP of " + operation)
                    .isEqualTo(operation.method() + " /api" + operation.pathTemplate());
        }
    }

    @Test
    void theReferenceIsLinkedFromTheDocsIndex() throws IOException {
        doc.assertLinkedFromTheIndex();
    }
}
