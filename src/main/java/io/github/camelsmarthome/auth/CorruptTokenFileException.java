package io.github.camelsmarthome.auth;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A token file exists but is not a readable token set. The message names the file and what is
 * wrong with it (a JSON syntax error and its position, a missing field), never its contents,
 * which are secrets. Deliberately without cause: JSON parser messages quote the input.
 */
public final class CorruptTokenFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    CorruptTokenFileException(Path file, String problem) {
        super("Token file " + file + " is corrupt (" + problem + "); delete it and authorise the account again");
        this.file = file;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }
}
