package io.github.camelsmarthome.storage;

import java.nio.file.Path;

/** Where the components keep token stores and saved state: the configured folder, else {@code ~/.camel-smarthome}. */
public final class StateDirectory {

    private StateDirectory() {
    }

    /** The configured folder ({@code stateDir} option, {@code STATE_DIR}), or the default when unset or blank. */
    public static Path of(String configured) {
        if (configured == null || configured.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".camel-smarthome");
        }
        return Path.of(configured.trim());
    }
}
