package io.github.camelsmarthome.simulator.miio;

/**
 * What a stored scene does (brief section 6.4, ACTION): send {@code command} to a miIO device.
 *
 * @param command        {@code <model>.<method>}, e.g. {@code chuangmi.plug.v3.click_ch0:lumi_158d0001a2b3c4}
 * @param did            the target device id as a string
 * @param ip             where the gateway sends it
 * @param model          the target's model, stripped from the command
 * @param encryptedToken the target token encrypted with the gateway token (section 4.1); never printed
 */
public record SceneAction(String command, String did, String ip, String model, String encryptedToken) {

    /** The python-miio limit the gateway is reported to truncate at (section 6.5). */
    public static final int COMMAND_LIMIT = 49;

    /** The method the gateway sends: the command cut to 49 characters, without the {@code <model>.} prefix. */
    public String method() {
        String sent = command.length() > COMMAND_LIMIT ? command.substring(0, COMMAND_LIMIT) : command;
        String prefix = model + ".";
        return sent.startsWith(prefix) ? sent.substring(prefix.length()) : sent;
    }

    @Override
    public String toString() {
        return "SceneAction[command=" + command + ", did=" + did + ", ip=" + ip + ", model=" + model + ", token hidden]";
    }
}
