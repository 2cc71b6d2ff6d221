package io.github.camelsmarthome.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Specification of the token files (design, section 8: atomic, owner-only). */
class FileTokenStoreTest {

    private static final String SECRET_ACCESS = "eyJhbGciOiJSUzI1NiJ9.secret-access-token-value";
    private static final String SECRET_REFRESH = "secret-refresh-token-value-123456";

    @TempDir
    Path root;

    private static OAuthTokens sample() {
        return new OAuthTokens(SECRET_ACCESS, SECRET_REFRESH, Instant.parse("2026-05-05T08:00:00Z"),
                "IdentifyAppliance Monitor", "Bearer", Map.of("id_token", "id-token-value", "user_id", "4711"));
    }

    private List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    @Test
    void savesAndLoadsEveryField() throws IOException {
        FileTokenStore store = new FileTokenStore(root.resolve("state"));

        store.save("homeconnect", sample());

        assertThat(store.load("homeconnect")).contains(sample());
    }

    @Test
    void keepsMissingOptionalFieldsMissing() throws IOException {
        FileTokenStore store = new FileTokenStore(root);
        OAuthTokens minimal = new OAuthTokens(null, "refresh-only", null, null, null, null);

        store.save("simplisafe", minimal);

        assertThat(store.load("simplisafe")).contains(minimal);
    }

    @Test
    void loadsNothingForAnUnknownAccount() throws IOException {
        assertThat(new FileTokenStore(root.resolve("absent")).load("homeconnect")).isEmpty();
    }

    @Test
    void createsTheDirectoryAndTheFileOwnerOnlyAndLeavesNoTemporaryFile() throws IOException {
        Path directory = root.resolve("state/tokens");
        FileTokenStore store = new FileTokenStore(directory);

        store.save("homeconnect", sample());
        store.save("homeconnect", sample().updatedBy(new OAuthTokens("A2", "R2", null, null, null, null)));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.fileOf("homeconnect"))))
                .isEqualTo("rw-------");
        assertThat(filesIn(directory)).containsExactly(store.fileOf("homeconnect"));
        assertThat(store.load("homeconnect")).hasValueSatisfying(tokens -> assertThat(tokens.refreshToken()).isEqualTo("R2"));
    }

    @Test
    void removesTemporaryFilesACrashLeftBehind() throws IOException {
        FileTokenStore store = new FileTokenStore(root);
        Path leftover = root.resolve("." + store.fileOf("homeconnect").getFileName() + ".0000.tmp");
        Files.writeString(leftover, "half-written secret");
        Path unrelated = root.resolve("other.txt");
        Files.writeString(unrelated, "keep me");

        store.save("homeconnect", sample());

        assertThat(filesIn(root)).containsExactlyInAnyOrder(store.fileOf("homeconnect"), unrelated);
    }

    @Test
    void restrictsAFileThatOthersCouldRead() throws IOException {
        FileTokenStore store = new FileTokenStore(root);
        store.save("homeconnect", sample());
        Files.setPosixFilePermissions(store.fileOf("homeconnect"), PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(store.load("homeconnect")).isPresent();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.fileOf("homeconnect"))))
                .isEqualTo("rw-------");
    }

    @Test
    void worksWithoutPosixPermissions() throws IOException {
        FileTokenStore store = new FileTokenStore(root.resolve("plain"), false);

        store.save("homeconnect", sample());
        store.save("homeconnect", sample());

        assertThat(store.load("homeconnect")).contains(sample());
        assertThat(filesIn(root.resolve("plain"))).hasSize(1);
    }

    @Test
    void concurrentSavesLeaveOneCompleteFile() throws Exception {
        FileTokenStore store = new FileTokenStore(root);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> saves = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                OAuthTokens tokens = new OAuthTokens("A" + i, "R" + i, null, null, null, null);
                saves.add(pool.submit(() -> {
                    store.save("homeconnect", tokens);
                    return null;
                }));
            }
            for (Future<?> save : saves) {
                save.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(filesIn(root)).containsExactly(store.fileOf("homeconnect"));
        assertThat(store.load("homeconnect")).hasValueSatisfying(tokens -> assertThat(tokens.accessToken()).startsWith("A"));
    }

    @Test
    void deletesAnAccountsFile() throws IOException {
        FileTokenStore store = new FileTokenStore(root);
        store.save("homeconnect", sample());

        assertThat(store.delete("homeconnect")).isTrue();
        assertThat(store.delete("homeconnect")).isFalse();
        assertThat(store.load("homeconnect")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "/absolute", ".hidden", "..", "a/b", "a\\b", "homeconnect:user@example.com",
            "ünïcode", "x"})
    void keepsEveryAccountInsideTheDirectory(String account) {
        FileTokenStore store = new FileTokenStore(root);

        Path file = store.fileOf(account);

        assertThat(file.getParent()).isEqualTo(root.toAbsolutePath().normalize());
        assertThat(file.getFileName().toString()).matches("[A-Za-z0-9_][A-Za-z0-9._-]*\\.tokens\\.json");
    }

    @Test
    void neverMapsTwoAccountsToOneFile() {
        FileTokenStore store = new FileTokenStore(root);

        assertThat(store.fileOf("a/b")).isNotEqualTo(store.fileOf("a_b")).isNotEqualTo(store.fileOf("a:b"));
        assertThat(store.fileOf("x".repeat(200))).isNotEqualTo(store.fileOf("x".repeat(201)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "plain-text-marker " + SECRET_REFRESH, "[\"" + SECRET_REFRESH + "\"]", "{\"version\":1}",
            "{\"access_token\":42}", "{\"refresh_token\":\"" + SECRET_REFRESH + "\",\"expires_at\":\"tomorrow\"}",
            "{\"refresh_token\":\"" + SECRET_REFRESH + "\",\"extras\":[1]}", "{\"version\":7,\"refresh_token\":\"x\"}",
            "{\"refresh_token\":\"" + SECRET_REFRESH + "\"", "\u00ff\u00fe garbage"})
    void reportsACorruptFileByNameWithoutItsContents(String content) throws IOException {
        FileTokenStore store = new FileTokenStore(root);
        Files.writeString(store.fileOf("homeconnect"), content, StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> store.load("homeconnect"))
                .isInstanceOf(CorruptTokenFileException.class)
                .hasNoCause()
                .hasMessageContaining(store.fileOf("homeconnect").toString())
                .hasMessageContaining("authorise the account again")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain(SECRET_REFRESH, "garbage", "plain-text-marker"));
    }

    @Test
    void refusesSomethingThatIsNotAFile() throws IOException {
        FileTokenStore store = new FileTokenStore(root);
        Files.createDirectory(store.fileOf("homeconnect"));

        assertThatThrownBy(() -> store.load("homeconnect")).isInstanceOf(CorruptTokenFileException.class);
    }
}
