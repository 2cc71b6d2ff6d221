package io.github.camelsmarthome.testing;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A component reference in {@code docs/} next to the metadata the build generated for the
 * component ({@code <scheme>.json}), for tests that keep the two in step: the option and header
 * tables must list exactly what the metadata holds, with the same defaults and descriptions.
 */
public final class ComponentReferenceDoc {

    /** The project folder (the build passes it; the working directory otherwise). */
    public static final Path PROJECT = Path.of(System.getProperty("camel-smarthome.project.dir", "."));

    private final String docName;
    private final JsonNode metadata;
    private final List<String> lines;

    private ComponentReferenceDoc(String docName, JsonNode metadata, List<String> lines) {
        this.docName = docName;
        this.metadata = metadata;
        this.lines = lines;
    }

    /**
     * Reads {@code docs/<docName>} and the generated metadata resource.
     *
     * @param docName the file name under docs/, for example {@code simplisafe.md}
     * @param metadataResource the class-path resource of the component's metadata
     */
    public static ComponentReferenceDoc read(String docName, String metadataResource) throws IOException {
        JsonNode metadata;
        try (InputStream in = ComponentReferenceDoc.class.getResourceAsStream(metadataResource)) {
            assertThat(in).as("the generated " + metadataResource + " on the class path").isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        return new ComponentReferenceDoc(docName, metadata,
                Files.readAllLines(PROJECT.resolve("docs").resolve(docName), StandardCharsets.UTF_8));
    }

    /** The generated metadata. */
    public JsonNode metadata() {
        return metadata;
    }

    /** The table under {@code heading} lists exactly the component's options, defaults and descriptions. */
    public void assertComponentOptions(String heading) {
        assertOptionsTable(heading, metadata.path("componentProperties"));
    }

    /** The table under {@code heading} lists exactly the endpoint's options, defaults and descriptions. */
    public void assertEndpointOptions(String heading) {
        assertOptionsTable(heading, metadata.path("properties"));
    }

    /** The table under {@code heading} lists exactly the declared headers with their descriptions. */
    public void assertHeaders(String heading) {
        Map<String, List<String>> rows = table(heading);
        JsonNode headers = metadata.path("headers");
        assertThat(new TreeSet<>(rows.keySet())).as("headers in " + docName).isEqualTo(names(headers));
        headers.fields().forEachRemaining(header -> assertThat(rows.get(header.getKey()).get(3))
                .as("description of " + header.getKey()).isEqualTo(header.getValue().path("description").asText()));
    }

    /** The docs index links the reference. */
    public void assertLinkedFromTheIndex() throws IOException {
        assertThat(Files.readString(PROJECT.resolve("docs/README.md"))).contains("](" + docName + ")");
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
    public Map<String, List<String>> table(String heading) {
        int at = lines.indexOf(heading);
        assertThat(at).as("heading '" + heading + "' in docs/" + docName).isNotNegative();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        int line = at + 1;
        while (line < lines.size() && !lines.get(line).startsWith("|")) {
            assertThat(lines.get(line)).as("only text between '" + heading + "' and its table").doesNotStartWith("#");
            line++;
        }
        line += 2; // the header row and the separator
        for (; line < lines.size() && lines.get(line).startsWith("|"); line++) {
            List<String> cells = cells(lines.get(line));
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

    /** A cell without its backticks. */
    public static String unquoted(String cell) {
        return cell.startsWith("`") && cell.endsWith("`") && cell.length() >= 2 ? cell.substring(1, cell.length() - 1) : cell;
    }

    private static TreeSet<String> names(JsonNode object) {
        TreeSet<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
