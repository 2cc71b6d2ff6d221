package io.github.camelsmarthome.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import io.github.camelsmarthome.testing.CapturedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A folder of token stores lists the accounts whose store is there, by file name only. */
class TokenStoreFolderTest {

    @TempDir
    Path folder;

    @Test
    void everyTokenStoreIsAnAccountNamedAfterItsFile() throws IOException {
        save("alice");
        save("bob.home-2");
        Files.writeString(folder.resolve("notes.txt"), "not a store");

        assertThat(new TokenStoreFolder(folder, "Test").accounts()).containsExactly("alice", "bob.home-2");
    }

    @Test
    void aFileNoAccountNameMapsToIsSkippedCountedAndLoggedOnce() throws IOException {
        save("alice");
        Files.writeString(folder.resolve("renamed by hand.tokens.json"), "{\"refresh_token\":\"secret-refresh\"}");
        TokenStoreFolder stores = new TokenStoreFolder(folder, "Test");

        try (CapturedLogs logs = CapturedLogs.capture(TokenStoreFolder.class.getName())) {
            assertThat(stores.accounts()).containsExactly("alice");
            assertThat(stores.accounts()).containsExactly("alice");

            assertThat(stores.skippedFiles()).isEqualTo(1);
            assertThat(logs.lines()).hasSize(1);
            assertThat(logs.allText()).contains("renamed by hand.tokens.json").doesNotContain("secret-refresh");
        }
    }

    @Test
    void aFolderThatDoesNotExistYetHasNoAccounts() {
        TokenStoreFolder stores = new TokenStoreFolder(folder.resolve("later"), "Test");

        assertThat(stores.accounts()).isEmpty();
        assertThat(stores.skippedFiles()).isZero();
    }

    @Test
    void onlyNamesThatAreTheirOwnFileNameArePlainAccountNames() {
        assertThat(TokenStoreFolder.isPlainAccountName("smith-2.home_a")).isTrue();
        assertThat(TokenStoreFolder.isPlainAccountName("../home")).isFalse();
        assertThat(TokenStoreFolder.isPlainAccountName(".hidden")).isFalse();
        assertThat(TokenStoreFolder.isPlainAccountName("with space")).isFalse();
        assertThat(TokenStoreFolder.isPlainAccountName("x".repeat(65))).isFalse();
        assertThat(TokenStoreFolder.isPlainAccountName("")).isFalse();
    }

    private void save(String account) throws IOException {
        new FileTokenStore(folder).save(account, new OAuthTokens("access", "refresh", Instant.now().plusSeconds(3600), null, "Bearer",
                Map.of()));
    }
}
