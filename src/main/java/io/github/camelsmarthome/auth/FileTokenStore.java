package io.github.camelsmarthome.auth;

import io.github.camelsmarthome.storage.AccountFileName;
import io.github.camelsmarthome.storage.OwnerOnlyFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TokenStore} that keeps one JSON file per account in a directory (the bundle's
 * {@code STATE_DIR}), readable by the owner only.
 *
 * <p>A save never exposes a half-written or world-readable file: {@link OwnerOnlyFileWriter}
 * writes a temporary file created {@code rw-------}, flushes it and renames it over the old one
 * atomically; a missing directory is created {@code rwx------}. On a file system without POSIX
 * permissions (Windows) files are written the same way without them, after one warning.
 *
 * <p>File names are derived from the account name by {@link AccountFileName}, so two accounts
 * never share a file and no account name can point outside the directory.
 */
public final class FileTokenStore implements TokenStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileTokenStore.class);

    private static final String SUFFIX = ".tokens.json";
    private static final long MAX_FILE_BYTES = 256 * 1024;

    private final Path directory;
    private final OwnerOnlyFileWriter writer;

    /** A store in {@code directory}, created owner-only on first save when missing. */
    public FileTokenStore(Path directory) {
        this(directory, OwnerOnlyFileWriter.supportsPosix(directory));
    }

    /** With {@code posix} given, so the fallback for other file systems can be exercised anywhere. */
    FileTokenStore(Path directory, boolean posix) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        this.writer = new OwnerOnlyFileWriter(this.directory, posix, "token");
    }

    /** The file that holds the tokens of {@code account}. */
    public Path fileOf(String account) {
        return directory.resolve(fileNameOf(account));
    }

    @Override
    public String locationOf(String account) {
        return fileOf(account).toString();
    }

    @Override
    public Optional<OAuthTokens> load(String account) throws IOException {
        Path file = fileOf(account);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new CorruptTokenFileException(file, "not a regular file");
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new CorruptTokenFileException(file, "larger than " + MAX_FILE_BYTES + " bytes");
        }
        writer.restrictToOwner(file);
        return Optional.of(TokenFileFormat.read(Files.readAllBytes(file), file));
    }

    @Override
    public synchronized void save(String account, OAuthTokens tokens) throws IOException {
        Objects.requireNonNull(tokens, "tokens");
        Path file = writer.write(fileNameOf(account), TokenFileFormat.write(tokens));
        LOG.debug("Saved tokens of {} to {}", account, file);
    }

    @Override
    public synchronized boolean delete(String account) throws IOException {
        return Files.deleteIfExists(fileOf(account));
    }

    static String fileNameOf(String account) {
        return AccountFileName.of(account, SUFFIX);
    }
}
