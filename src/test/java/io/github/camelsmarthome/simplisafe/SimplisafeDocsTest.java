package io.github.camelsmarthome.simplisafe;

import java.io.IOException;
import java.util.Arrays;
import java.util.TreeSet;

import io.github.camelsmarthome.testing.ComponentReferenceDoc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/simplisafe.md stays in step with the code: options and headers exactly as generated into
 * {@code simplisafe.json}, every operation in the operations table, linked from the index.
 */
class SimplisafeDocsTest {

    private static ComponentReferenceDoc doc;

    @BeforeAll
    static void readMetadataAndDoc() throws IOException {
        doc = ComponentReferenceDoc.read("simplisafe.md", "/META-INF/io/github/camelsmarthome/simplisafe/simplisafe.json");
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
    void everyOperationIsInTheOperationsTable() {
        TreeSet<String> expected = new TreeSet<>(Arrays.stream(SimplisafeOperation.values()).map(Enum::name).toList());
        assertThat(new TreeSet<>(doc.table("### Operations").keySet())).isEqualTo(expected);
    }

    @Test
    void theReferenceIsLinkedFromTheDocsIndex() throws IOException {
        doc.assertLinkedFromTheIndex();
    }
}
