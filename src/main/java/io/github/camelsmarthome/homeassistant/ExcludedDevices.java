package io.github.camelsmarthome.homeassistant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.camelsmarthome.storage.OwnerOnlyFileWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices a user deleted in Home Assistant (brief 2.4: HA clears their retained config
 * itself), kept in {@code <STATE_DIR>/<node id>.ha-excluded-devices} as one device registry
 * identifier per line ({@code simplisafe_12345}), so that neither a restart nor HA's next birth
 * brings them back. Deleting a line (with the bridge stopped) lets the device return.
 */
public final class ExcludedDevices {

    /** More lines than this are not read: the file is ours, but a hostile one must not fill the memory. */
    static final int MAX_DEVICES = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(ExcludedDevices.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z0-9_-]{1,200}");

    private final OwnerOnlyFileWriter writer;
    private final String fileName;
    private final Set<String> devices = new LinkedHashSet<>();

    private ExcludedDevices(OwnerOnlyFileWriter writer, String fileName) {
        this.writer = writer;
        this.fileName = fileName;
    }

    /** The list of {@code nodeId} in {@code stateDir}, read when present; unusable lines are skipped with one warning. */
    public static ExcludedDevices open(Path stateDir, String nodeId) {
        ExcludedDevices excluded = new ExcludedDevices(new OwnerOnlyFileWriter(stateDir, "Home Assistant exclusion list"),
                Objects.requireNonNull(nodeId, "nodeId") + ".ha-excluded-devices");
        Path file = excluded.file();
        try {
            int skipped = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String device = line.trim();
                if (device.isEmpty()) {
                    continue;
                }
                if (IDENTIFIER.matcher(device).matches() && excluded.devices.size() < MAX_DEVICES) {
                    excluded.devices.add(device);
                } else {
                    skipped++;
                }
            }
            if (skipped > 0) {
                LOG.warn("Skipped {} unusable line(s) of {}: each line must be one device identifier such as simplisafe_12345",
                        skipped, file);
            }
            LOG.info("{} device(s) deleted in Home Assistant stay excluded from discovery (listed in {})", excluded.devices.size(),
                    file);
        } catch (NoSuchFileException none) {
            // No device was ever deleted in Home Assistant.
        } catch (IOException | RuntimeException unreadable) {
            LOG.warn("Cannot read {} ({}); no device is excluded from discovery", file, unreadable.getMessage());
        }
        return excluded;
    }

    /** The excluded device registry identifiers. */
    public synchronized Set<String> devices() {
        return Set.copyOf(devices);
    }

    /**
     * Adds a device and saves the list; false when it was listed already. A failed save is logged:
     * the device stays excluded until the bridge stops.
     */
    public synchronized boolean add(String identifier) {
        if (!IDENTIFIER.matcher(identifier).matches() || devices.size() >= MAX_DEVICES || !devices.add(identifier)) {
            return false;
        }
        try {
            writer.write(fileName, (String.join("\n", devices) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("Cannot save {} ({}): {} stays excluded from discovery only until the bridge stops", file(), e.getMessage(),
                    identifier);
        }
        return true;
    }

    /** The file the list lives in. */
    public Path file() {
        return writer.directory().resolve(fileName);
    }
}
