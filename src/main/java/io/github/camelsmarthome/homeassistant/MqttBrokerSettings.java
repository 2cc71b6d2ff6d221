package io.github.camelsmarthome.homeassistant;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import io.github.camelsmarthome.InvalidConfigurationException;

/**
 * Where and how the bridge connects to its MQTT broker, validated so that a wrong value is
 * reported as one line naming the option instead of a connection failure later.
 *
 * @param url       the broker, {@code tcp://host:port}, {@code ssl://host:port}, {@code ws://} or
 *                  {@code wss://}
 * @param username  optional user name, {@code null} when the broker takes anonymous clients
 * @param password  optional password; never printed, see {@link #toString()}
 * @param baseTopic the root of the bundle's topic tree, for example {@code camel-smarthome}
 * @param clientId  the MQTT client id of the bridge's own connection
 */
public record MqttBrokerSettings(String url, String username, String password, String baseTopic, String clientId) {

    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

    /**
     * Validates the settings as the user gave them (the option names are those of the
     * environment contract).
     *
     * @throws InvalidConfigurationException naming {@code MQTT_URL} or {@code MQTT_BASE_TOPIC}
     */
    public static MqttBrokerSettings of(String url, String username, String password, String baseTopic, String clientId) {
        return new MqttBrokerSettings(validUrl(url), blankToNull(username), blankToNull(password), validBaseTopic(baseTopic),
                clientId);
    }

    /**
     * The broker password from {@code MQTT_PASSWORD} or from the file named by
     * {@code MQTT_PASSWORD_FILE} (a Docker or Kubernetes secret; one trailing line break is
     * dropped); {@code null} when neither is set.
     *
     * @throws InvalidConfigurationException naming {@code MQTT_PASSWORD_FILE} when both are set, or
     *         the file is unreadable, empty or larger than 4 KiB (the message never holds its content)
     */
    public static String password(String password, String passwordFile) {
        String file = blankToNull(passwordFile);
        if (file == null) {
            return blankToNull(password);
        }
        if (blankToNull(password) != null) {
            throw new InvalidConfigurationException("MQTT_PASSWORD_FILE", "is set together with MQTT_PASSWORD: set only one of them");
        }
        Path path = Path.of(file.trim());
        String content;
        try {
            if (Files.size(path) > 4096) {
                throw new InvalidConfigurationException("MQTT_PASSWORD_FILE", path + " is larger than 4 KiB: it must hold the password alone");
            }
            content = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidConfigurationException("MQTT_PASSWORD_FILE", "cannot read " + path + " ("
                    + e.getClass().getSimpleName() + "): mount the secret there or unset the variable");
        }
        String value = content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
                : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        if (value.isEmpty()) {
            throw new InvalidConfigurationException("MQTT_PASSWORD_FILE", path + " is empty: write the password into it");
        }
        return value;
    }

    private static String validUrl(String url) {
        String advice = "use tcp://host:1883, ssl://host:8883, ws://host:port/path or wss://host:port/path";
        if (url == null || url.isBlank()) {
            throw new InvalidConfigurationException("MQTT_URL", "is empty: " + advice);
        }
        String trimmed = url.trim();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException("MQTT_URL", "'" + trimmed + "' is not a URL: " + advice);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new InvalidConfigurationException("MQTT_URL",
                    "'" + redactUserInfo(uri, trimmed) + "' has no supported scheme: " + advice);
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidConfigurationException("MQTT_URL",
                    "carries credentials in the URL: put them in MQTT_USERNAME and MQTT_PASSWORD instead");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidConfigurationException("MQTT_URL", "'" + trimmed + "' names no host: " + advice);
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new InvalidConfigurationException("MQTT_URL", "'" + trimmed + "' has an invalid port: " + advice);
        }
        return trimmed;
    }

    private static String redactUserInfo(URI uri, String raw) {
        return uri.getRawUserInfo() == null ? raw : raw.replace(uri.getRawUserInfo() + "@", "***@");
    }

    private static String validBaseTopic(String baseTopic) {
        if (baseTopic == null || baseTopic.isBlank()) {
            throw new InvalidConfigurationException("MQTT_BASE_TOPIC", "is empty: set it to a topic such as camel-smarthome");
        }
        String trimmed = baseTopic.trim();
        if (trimmed.contains("+") || trimmed.contains("#") || trimmed.startsWith("/") || trimmed.endsWith("/")) {
            throw new InvalidConfigurationException("MQTT_BASE_TOPIC",
                    "'" + trimmed + "' must not contain + or # nor start or end with /: use a topic such as camel-smarthome");
        }
        return trimmed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The retained topic that says whether the bridge is {@code online} or {@code offline}. */
    public String bridgeStateTopic() {
        return baseTopic + "/bridge/state";
    }

    /** {@code host:port} of the broker, for messages where a URL would be mangled. */
    public String hostAndPort() {
        URI uri = URI.create(url);
        return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    @Override
    public String toString() {
        return "MqttBrokerSettings[url=" + url + ", username=" + username + ", password="
               + (password == null ? "none" : "***") + ", baseTopic=" + baseTopic + ", clientId=" + clientId + "]";
    }
}
