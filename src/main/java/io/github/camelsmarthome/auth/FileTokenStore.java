package io.github.camelsmarthome.auth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TokenStore} that keeps one JSON file per account in a directory (the bundle's
 * {@code STATE_DIR}), readable by the owner only.
 *
 * <p>A save never exposes a half-written or world-readable file: the tokens go to a temporary file
 * in the same directory, created with {@code rw-------} from the start (not restricted afterwards,
 * which would leave a window), flushed to disk, then renamed over the old file with an atomic move,
 * and the directory is flushed so the rename survives a crash. A missing directory is created
 * {@code rwx------}. On a file system without POSIX permissions (Windows) files are written the
 * same way without them, after one warning.
 *
 * <p>File names are derived from the account name, limited to {@code [A-Za-z0-9._-]}, with a hash
 * suffix when characters had to be replaced, so two accounts never share a file and no account
 * name can point outside the directory.
 */
public final class FileTokenStore implements TokenStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileTokenStore.class);

    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final String SUFFIX = ".tokens.json";
    private static final long MAX_FILE_BYTES = 256 * 1024;
    private static final int MAX_NAME_CHARS = 80;

    private final Path directory;
    private final boolean posix;
    private final AtomicBoolean warnedNoPosix = new AtomicBoolean();
    private final AtomicBoolean warnedOpenDirectory = new AtomicBoolean();
    private final AtomicBoolean warnedNoAtomicMove = new AtomicBoolean();

    /** A store in {@code directory}, created owner-only on first save when missing. */
    public FileTokenStore(Path directory) {
        this(directory, directory.getFileSystem().supportedFileAttributeViews().contains("posix"));
    }

    /** With {@code posix} given, so the fallback for other file systems can be exercised anywhere. */
    FileTokenStore(Path directory, boolean posix) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        this.posix = posix;
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
        warnIfOthersCanRead(file);
        return Optional.of(TokenFileFormat.read(Files.readAllBytes(file), file));
    }

    @Override
    public synchronized void save(String account, OAuthTokens tokens) throws IOException {
        Objects.requireNonNull(tokens, "tokens");
        Path file = fileOf(account);
        byte[] content = TokenFileFormat.write(tokens);
        ensureDirectory();
        removeLeftoverTemporaries(file);
        Path temp = directory.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            createOwnerOnly(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            moveIntoPlace(temp, file);
            flushDirectory();
        } finally {
            Files.deleteIfExists(temp);
        }
        LOG.debug("Saved tokens of {} to {}", account, file);
    }

    @Override
    public synchronized boolean delete(String account) throws IOException {
        return Files.deleteIfExists(fileOf(account));
    }

    private void ensureDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            warnIfDirectoryIsOpen();
            return;
        }
        if (posix) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
        } else {
            warnNoPosix();
            Files.createDirectories(directory);
        }
        LOG.info("Created token directory {}", directory);
    }

    private void createOwnerOnly(Path temp) throws IOException {
        if (posix) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_FILE);
            Files.createFile(temp, ownerOnly);
            return;
        }
        warnNoPosix();
        Files.createFile(temp);
        // Best effort where POSIX permissions do not exist: take read and write away from others.
        var legacy = temp.toFile();
        boolean restricted = legacy.setReadable(false, false) & legacy.setReadable(true, true)
                & legacy.setWritable(false, false) & legacy.setWritable(true, true);
        if (!restricted) {
            LOG.debug("Could not restrict access to {} on this file system", temp);
        }
    }

    private void moveIntoPlace(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            if (warnedNoAtomicMove.compareAndSet(false, true)) {
                LOG.warn("The file system of {} cannot rename atomically; a crash during a token save may lose "
                        + "the tokens", directory);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (FileAlreadyExistsException notReplaced) {
            // Some platforms refuse to rename over an existing file; replace it as a second step.
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable; not every platform can open a directory, and then the OS decides. */
    private void flushDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException unsupported) {
            LOG.trace("Directory {} cannot be flushed on this platform", directory);
        }
    }

    /** A crash between creating and renaming a temporary file leaves it behind, with secrets in it. */
    private void removeLeftoverTemporaries(Path file) {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, "." + file.getFileName() + ".*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
                LOG.debug("Removed leftover temporary token file {}", leftover);
            }
        } catch (IOException | RuntimeException cannotList) {
            LOG.debug("Could not look for leftover temporary token files in {}", directory);
        }
    }

    private void warnIfOthersCanRead(Path file) {
        if (!posix) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (!OWNER_FILE.containsAll(permissions)) {
                LOG.warn("Token file {} is accessible to other users ({}); restricting it to the owner", file,
                        PosixFilePermissions.toString(permissions));
                Files.setPosixFilePermissions(file, OWNER_FILE);
            }
        } catch (IOException | RuntimeException cannotCheck) {
            LOG.debug("Could not check the permissions of {}", file);
        }
    }

    private void warnIfDirectoryIsOpen() {
        if (!posix || warnedOpenDirectory.get()) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
            if (!OWNER_DIRECTORY.containsAll(permissions) && warnedOpenDirectory.compareAndSet(false, true)) {
                LOG.warn("Token directory {} is accessible to other users ({}); token files stay owner-only, but "
                        + "consider chmod 700", directory, PosixFilePermissions.toString(permissions));
            }
        } catch (IOException | RuntimeException cannotCheck) {
            LOG.debug("Could not check the permissions of {}", directory);
        }
    }

    private void warnNoPosix() {
        if (warnedNoPosix.compareAndSet(false, true)) {
            LOG.warn("The file system of {} has no POSIX permissions; token files cannot be made owner-only here, "
                    + "so protect the directory by other means", directory);
        }
    }

    static String fileNameOf(String account) {
        if (account == null || account.isBlank()) {
            throw new IllegalArgumentException("account name must not be blank");
        }
        String safe = account.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.startsWith(".")) {
            safe = "_" + safe.substring(1);
        }
        boolean changed = !safe.equals(account);
        if (safe.length() > MAX_NAME_CHARS) {
            safe = safe.substring(0, MAX_NAME_CHARS);
            changed = true;
        }
        return changed ? safe + "-" + shortHash(account) + SUFFIX : safe + SUFFIX;
    }

    private static String shortHash(String account) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(account.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException required) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", required);
        }
    }
}
