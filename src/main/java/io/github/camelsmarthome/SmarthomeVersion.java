package io.github.camelsmarthome;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The bundle's version, as Maven stamped it at build time. */
public final class SmarthomeVersion {

    private static final String VERSION = load();

    private SmarthomeVersion() {
    }

    /** The version, for example {@code 0.1.0-SNAPSHOT}; {@code unknown} when not built by Maven. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = SmarthomeVersion.class.getResourceAsStream("/META-INF/camel-smarthome/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties props = new Properties();
            props.load(in);
            String version = props.getProperty("version", "unknown");
            return version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
