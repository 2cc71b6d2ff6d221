package io.github.camelsmarthome.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes whole files into one directory so that no reader ever sees a half-written or
 * world-readable one.
 *
 * <p>The content goes to a temporary file in the same directory, created {@code rw-------} from
 * the start (restricting it afterwards would leave a window), flushed to disk, then renamed over
 * the old file with an atomic move; the directory is flushed so the rename survives a crash. A
 * missing directory is created {@code rwx------}. Temporary files a crash left behind, which may
 * hold secrets, are removed in one look at the directory before this process first writes into it,
 * whichever writer does (issue #8: a look per write, then one per file, made starting thousands of
 * accounts in one folder quadratic, as each look reads every account's files). The look finishes
 * before any writer of this process creates a temporary file there, so it only ever removes another
 * run's. On a file system without POSIX permissions
 * (Windows) files are written the same way without them, after one warning.
 *
 * <p>Thread-safe: writes are serialised, so concurrent writers leave one complete file.
 */
public final class OwnerOnlyFileWriter {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFileWriter.class);

    /** {@code rw-------}: what every written file gets. */
    public static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    /** {@code rwx------}: what a directory created here gets. */
    public static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    /**
     * Directories whose leftovers were removed in this process; bounded by the directories it writes.
     * {@link ConcurrentHashMap#computeIfAbsent} makes a second writer of the same directory wait until
     * the first one's look is over.
     */
    private static final ConcurrentHashMap<Path, Boolean> SWEPT = new ConcurrentHashMap<>();
    /** What this class names its temporary files: {@code .<file name>.<random UUID>.tmp}. */
    private static final String TEMPORARY_GLOB = ".*.*.tmp";

    private final Path directory;
    private final boolean posix;
    private final String contentName;
    private final AtomicBoolean warnedNoPosix = new AtomicBoolean();
    private final AtomicBoolean warnedOpenDirectory = new AtomicBoolean();
    private final AtomicBoolean warnedNoAtomicMove = new AtomicBoolean();

    /**
     * A writer for {@code directory}, using POSIX permissions where its file system has them.
     *
     * @param directory where the files live; created owner-only on the first write when missing
     * @param contentName what the files hold, for log lines ({@code "token"}, {@code "appliance state"})
     */
    public OwnerOnlyFileWriter(Path directory, String contentName) {
        this(directory, supportsPosix(directory), contentName);
    }

    /**
     * A writer with {@code posix} given, so the fallback for other file systems can be exercised
     * anywhere.
     */
    public OwnerOnlyFileWriter(Path directory, boolean posix, String contentName) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        this.posix = posix;
        this.contentName = Objects.requireNonNull(contentName, "contentName");
    }

    /** Whether the file system of {@code path} has POSIX permissions. */
    public static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** The directory written to, absolute and normalised. */
    public Path directory() {
        return directory;
    }

    /**
     * Replaces {@code fileName} in the directory with {@code content}, atomically and owner-only.
     *
     * @param fileName a plain file name, no separators
     * @return the file written
     */
    public synchronized Path write(String fileName, byte[] content) throws IOException {
        Objects.requireNonNull(content, "content");
        Path file = directory.resolve(fileName);
        if (!directory.equals(file.getParent())) {
            throw new IllegalArgumentException("not a plain file name: " + fileName);
        }
        ensureDirectory();
        SWEPT.computeIfAbsent(directory, this::removeLeftoverTemporaries);
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
        return file;
    }

    /**
     * Takes read and write access away from everyone but the owner when a file allows more, with
     * one warning naming the file; for files restored by hand or written by older versions.
     */
    public void restrictToOwner(Path file) {
        if (!posix) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (!OWNER_FILE.containsAll(permissions)) {
                LOG.warn("The {} file {} is accessible to other users ({}); restricting it to the owner", contentName, file,
                        PosixFilePermissions.toString(permissions));
                Files.setPosixFilePermissions(file, OWNER_FILE);
            }
        } catch (IOException | RuntimeException cannotCheck) {
            LOG.debug("Could not check the permissions of {}", file);
        }
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
        LOG.info("Created the {} directory {}", contentName, directory);
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
                LOG.warn("The file system of {} cannot rename atomically; a crash during a {} save may lose the file",
                        directory, contentName);
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

    /** A crash between creating and renaming a temporary file leaves it behind, possibly with secrets in it. */
    private Boolean removeLeftoverTemporaries(Path folder) {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, TEMPORARY_GLOB)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
                LOG.debug("Removed leftover temporary file {}", leftover);
            }
        } catch (IOException | RuntimeException cannotList) {
            LOG.debug("Could not look for leftover temporary {} files in {}", contentName, folder);
        }
        return Boolean.TRUE;
    }

    private void warnIfDirectoryIsOpen() {
        if (!posix || warnedOpenDirectory.get()) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
            if (!OWNER_DIRECTORY.containsAll(permissions) && warnedOpenDirectory.compareAndSet(false, true)) {
                LOG.warn("The {} directory {} is accessible to other users ({}); its files stay owner-only, but "
                        + "consider chmod 700", contentName, directory, PosixFilePermissions.toString(permissions));
            }
        } catch (IOException | RuntimeException cannotCheck) {
            LOG.debug("Could not check the permissions of {}", directory);
        }
    }

    private void warnNoPosix() {
        if (warnedNoPosix.compareAndSet(false, true)) {
            LOG.warn("The file system of {} has no POSIX permissions; {} files cannot be made owner-only here, "
                    + "so protect the directory by other means", directory, contentName);
        }
    }
}
