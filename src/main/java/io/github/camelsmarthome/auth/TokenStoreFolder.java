package io.github.camelsmarthome.auth;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of {@link FileTokenStore} files, one account each: what an installer with many homes
 * keeps, one {@code authorize --account <name>} per home. Lists the accounts whose token store is
 * there now; a file no account name maps to (renamed by hand, a name that had to be shortened) is
 * skipped, logged once and counted. Reads file names only, never the tokens.
 */
public final class TokenStoreFolder {

    private static final Logger LOG = LoggerFactory.getLogger(TokenStoreFolder.class);
    private static final String SUFFIX = ".tokens.json";
    /** Names that are their own file name, so that a folder finds the account under the name it was written as. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

    private final Path folder;
    private final String system;
    private final FileTokenStore store;
    /** Problems already logged, so that a look every few seconds logs each one once. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final LongAdder skipped = new LongAdder();

    /**
     * The folder {@code folder} of {@code system}'s token stores.
     *
     * @param system names the system in log lines, e.g. {@code Home Connect}
     */
    public TokenStoreFolder(Path folder, String system) {
        this.folder = folder.toAbsolutePath().normalize();
        this.system = system;
        this.store = new FileTokenStore(this.folder);
    }

    /**
     * Whether {@code name} can name an account of a folder as it is: letters, digits, {@code . _ -},
     * up to 64, not starting with a dot (what {@code authorize --account} accepts).
     */
    public static boolean isPlainAccountName(String name) {
        return name != null && PLAIN_NAME.matcher(name).matches();
    }

    /** The folder. */
    public Path folder() {
        return folder;
    }

    /** The names of the accounts whose token store is in the folder now, sorted; empty when it does not exist. */
    public Set<String> accounts() {
        Set<String> names = new TreeSet<>();
        if (!Files.isDirectory(folder)) {
            if (reported.add(folder.toString())) {
                LOG.warn("{} accounts folder {} does not exist (yet): no account to run", system, folder);
            }
            return names;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                String name = fileName.substring(0, fileName.length() - SUFFIX.length());
                boolean usable = !name.isBlank() && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                                 && store.fileOf(name).getFileName().toString().equals(fileName);
                if (usable) {
                    names.add(name);
                } else if (reported.add(fileName)) {
                    skipped.increment();
                    LOG.warn("{} accounts folder {}: skipping {}: no account name maps to this file name", system, folder, fileName);
                }
            }
        } catch (IOException e) {
            if (reported.add("unreadable")) {
                LOG.warn("{} accounts folder {} cannot be read: {}", system, folder, e.toString());
            }
        }
        return names;
    }

    /** Files skipped because no account name maps to them (each counted once). */
    public long skippedFiles() {
        return skipped.sum();
    }
}
