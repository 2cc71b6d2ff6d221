package io.github.camelsmarthome.miio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsmarthome.miio.protocol.MiioEventCatalog;
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

    private static final Path PROJECT = Path.of(System.getProperty("camel-smarthome.project.dir", "."));
    private static final String METADATA = "/META-INF/io/github/camelsmarthome/miio/miio-push.json";

    private static JsonNode metadata;
    private static List<String> doc;

    @BeforeAll
    static void readMetadataAndDoc() throws IOException {
        try (InputStream in = MiioPushDocsTest.class.getResourceAsStream(METADATA)) {
            assertThat(in).as("the generated " + METADATA + " on the class path").isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        doc = Files.readAllLines(PROJECT.resolve("docs/miio.md"), StandardCharsets.UTF_8);
    }

    @Test
    void everyComponentOptionIsDocumentedWithItsDefaultAndDescription() {
        assertOptionsTable("### Component options", metadata.path("componentProperties"));
    }

    @Test
    void everyEndpointOptionIsDocumentedWithItsDefaultAndDescription() {
        assertOptionsTable("### Endpoint options", metadata.path("properties"));
    }

    @Test
    void everyHeaderIsDocumentedWithItsDescription() {
        Map<String, List<String>> rows = table("## Headers");
        JsonNode headers = metadata.path("headers");

        assertThat(new TreeSet<>(rows.keySet())).as("headers in the doc").isEqualTo(names(headers));
        headers.fields().forEachRemaining(header -> assertThat(rows.get(header.getKey()).get(3))
                .as("description of " + header.getKey()).isEqualTo(header.getValue().path("description").asText()));
    }

    @Test
    void everyModelOfTheBuiltInCatalogIsListedWithItsActions() {
        Map<String, List<String>> rows = table("## Supported devices");
        MiioEventCatalog catalog = MiioEventCatalog.builtIn();

        assertThat(new TreeSet<>(rows.keySet())).as("models in the doc").isEqualTo(new TreeSet<>(catalog.models()));
        for (String model : catalog.models()) {
            assertThat(rows.get(model).get(1)).as("actions of " + model)
                    .isEqualTo(String.join(", ", catalog.actionsOf(model).stream().map(a -> "`" + a + "`").toList()));
        }
    }

    @Test
    void theReferenceLinksTheSimulatorDoc() throws IOException {
        assertThat(Files.readString(PROJECT.resolve("docs/miio.md"))).contains("](miio-simulator.md)");
    }

    private void assertOptionsTable(String heading, JsonNode options) {
        Map<String, List<String>> rows = table(heading);

        assertThat(new TreeSet<>(rows.keySet())).as("options under " + heading).isEqualTo(names(options));
        options.fields().forEachRemaining(option -> {
            List<String> row = rows.get(option.getKey());
            JsonNode defaultValue = option.getValue().get("defaultValue");
            assertThat(unquoted(row.get(3))).as("default of " + option.getKey())
                    .isEqualTo(defaultValue == null ? "" : defaultValue.asText());
            assertThat(row.get(4)).as("description of " + option.getKey())
                    .isEqualTo(option.getValue().path("description").asText());
        });
    }

    /** The rows of the first table after {@code heading}, by their first cell without backticks. */
    private static Map<String, List<String>> table(String heading) {
        int at = doc.indexOf(heading);
        assertThat(at).as("heading '" + heading + "' in docs/miio.md").isNotNegative();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        int line = at + 1;
        while (line < doc.size() && !doc.get(line).startsWith("|")) {
            assertThat(doc.get(line)).as("only text between '" + heading + "' and its table").doesNotStartWith("#");
            line++;
        }
        line += 2; // the header row and the separator
        for (; line < doc.size() && doc.get(line).startsWith("|"); line++) {
            List<String> cells = cells(doc.get(line));
            assertThat(rows.put(unquoted(cells.get(0)), cells)).as("row " + cells.get(0) + " once only").isNull();
        }
        return rows;
    }

    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        for (String cell : row.substring(1, row.lastIndexOf('|')).split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.strip().replace("\\|", "|"));
        }
        return cells;
    }

    private static String unquoted(String cell) {
        return cell.startsWith("`") && cell.endsWith("`") && cell.length() >= 2 ? cell.substring(1, cell.length() - 1) : cell;
    }

    private static TreeSet<String> names(JsonNode object) {
        TreeSet<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
