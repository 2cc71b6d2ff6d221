package io.github.camelsmarthome;

/**
 * A configuration value that cannot work, reported as one line that names the option and says
 * what to do. The runner prints {@link #getMessage()} alone, without a stack trace.
 */
public class InvalidConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String option;

    /**
     * @param option the option as the user sets it, for example {@code MQTT_URL}
     * @param problem what is wrong and what to do, as a sentence (no secret values)
     */
    public InvalidConfigurationException(String option, String problem) {
        super(option + ": " + problem);
        this.option = option;
    }

    /** The option as the user sets it, for example {@code MQTT_URL}. */
    public String option() {
        return option;
    }
}
