package io.github.camelsmarthome.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class OwnerOnlyFileWriterTest {

    @TempDir
    Path root;

    @Test
    void theFirstWriteIntoAFolderRemovesTheCrashLeftoversOfEveryFileThereAndNothingElse() throws IOException {
        Path folder = Files.createDirectory(root.resolve("accounts"));
        Path tokenLeftover = Files.writeString(folder.resolve(".homeconnect-1.json.0b8f5e2a-1c1d-4a55-9d6e-2f1f0c7a9b11.tmp"), "secret");
        Path budgetLeftover = Files.writeString(folder.resolve(".homeconnect-2.budget.json.7d0e.tmp"), "half");
        Path userFile = Files.writeString(folder.resolve("notes.tmp"), "not ours: no leading dot");
        Path otherAccount = Files.writeString(folder.resolve("homeconnect-2.json"), "{}");

        new OwnerOnlyFileWriter(folder, "appliance state").write("homeconnect-1.appliances.json", bytes("{}"));

        assertThat(files(folder)).containsExactlyInAnyOrder(folder.resolve("homeconnect-1.appliances.json"), userFile, otherAccount)
                .doesNotContain(tokenLeftover, budgetLeftover);
    }

    @Test
    void theFolderIsLookedAtOnceSoATemporaryFileMadeAfterwardsIsNeverTakenFromUnderItsWriter() throws IOException {
        Path folder = Files.createDirectory(root.resolve("state"));
        OwnerOnlyFileWriter tokens = new OwnerOnlyFileWriter(folder, "token");
        OwnerOnlyFileWriter budgets = new OwnerOnlyFileWriter(folder, "request budget");
        tokens.write("a.json", bytes("1"));
        // As if another writer of this process were between creating its temporary file and renaming it.
        Path inFlight = Files.writeString(folder.resolve(".b.budget.json.3f2a9c4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b.tmp"), "being written");

        budgets.write("b.budget.json", bytes("2"));
        tokens.write("a.json", bytes("3"));

        assertThat(files(folder)).contains(inFlight);
        assertThat(Files.readString(folder.resolve("a.json"))).isEqualTo("3");
        assertThat(Files.readString(folder.resolve("b.budget.json"))).isEqualTo("2");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
