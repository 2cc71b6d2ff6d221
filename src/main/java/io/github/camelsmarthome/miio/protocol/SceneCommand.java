package io.github.camelsmarthome.miio.protocol;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * ACTION.{@code command} of a subscription scene (brief 6.5):
 * {@code <target model>.<action>:<sid with '.' replaced by '_'>}, for example
 * {@code chuangmi.plug.v3.click_ch0:lumi_158d0001a2b3c4}. The gateway strips {@code <target model>.}
 * and sends the rest as the {@code method} of the event ({@link MiioEventMethod} reads it back).
 *
 * <p>Grammar enforced here, so that the method comes back unambiguous:
 * <ul>
 *   <li>action: one or more of {@code A-Z a-z 0-9 _ -}: no {@code .} (the gateway splits model
 *       and method at a dot) and no {@code :} (the receiver splits action and source at the last one);</li>
 *   <li>sid: one or more of {@code A-Z a-z 0-9 . -}: no {@code _} (the receiver turns every
 *       {@code _} back into {@code .}) and no {@code :};</li>
 *   <li>the whole command at most {@value #MAX_LENGTH} characters: longer commands are truncated
 *       by the gateway and the event would come back unrecognisable.</li>
 * </ul>
 *
 * @param targetModel the fake device's model, normally {@value #DEFAULT_TARGET_MODEL}
 * @param action the action label
 * @param sourceSid the source device's sid or the gateway did
 */
public record SceneCommand(String targetModel, String action, String sourceSid) {

    /** The longest command that survives the gateway unchanged (brief 6.5). */
    public static final int MAX_LENGTH = 49;

    /** The model the push server pretends to be (brief 6.1). */
    public static final String DEFAULT_TARGET_MODEL = "chuangmi.plug.v3";

    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9.-]+");
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9._-]+");

    /**
     * Checks the grammar and the length.
     *
     * @throws IllegalArgumentException naming the device, the action and, for the limit, the length
     */
    public SceneCommand {
        Objects.requireNonNull(targetModel, "targetModel");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(sourceSid, "sourceSid");
        if (!MODEL.matcher(targetModel).matches()) {
            throw new IllegalArgumentException("target model '" + printable(targetModel)
                    + "' may only contain letters, digits, '.', '_' and '-'");
        }
        checkAction(sourceSid, action);
        if (!SID.matcher(sourceSid).matches()) {
            throw new IllegalArgumentException("device '" + printable(sourceSid)
                    + "': a device id may only contain letters, digits, '.' and '-' (no '_' or ':'),"
                    + " because the scene command encodes it with '_' for '.'");
        }
        int length = targetModel.length() + 1 + action.length() + 1 + sourceSid.length();
        if (length > MAX_LENGTH) {
            int room = MAX_LENGTH - (length - action.length());
            throw new IllegalArgumentException("device " + sourceSid + ", action '" + action + "': the scene command '"
                    + text(targetModel, action, sourceSid) + "' is " + length + " characters, over the gateway's limit of "
                    + MAX_LENGTH + " (it would truncate it and the event would never be recognised); "
                    + (room > 0 ? "use an action of at most " + room + " characters for this device"
                            : "this device id is too long for any action"));
        }
    }

    /** The command for the default target model {@value #DEFAULT_TARGET_MODEL}. */
    public static SceneCommand of(String action, String sourceSid) {
        return new SceneCommand(DEFAULT_TARGET_MODEL, action, sourceSid);
    }

    /**
     * Checks an action label alone, e.g. when a catalog is loaded.
     *
     * @param device named in the message, e.g. the model or the sid
     * @throws IllegalArgumentException naming the device and the action
     */
    public static void checkAction(String device, String action) {
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("device " + device + ", action '" + printable(action)
                    + "': an action may only contain letters, digits, '_' and '-' (no '.', ':' or spaces),"
                    + " because it becomes part of the scene command");
        }
    }

    /** The full command, ACTION.{@code command}. */
    public String text() {
        return text(targetModel, action, sourceSid);
    }

    /** What the fake device receives as {@code method}: the command without {@code <target model>.}. */
    public String method() {
        return action + ":" + sourceSid.replace('.', '_');
    }

    /** The command's length in characters (all ASCII by the grammar). */
    public int length() {
        return text().length();
    }

    private static String text(String targetModel, String action, String sourceSid) {
        return targetModel + "." + action + ":" + sourceSid.replace('.', '_');
    }

    /** Keeps configuration echoes on one line and short. */
    static String printable(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(64).forEach(c -> out.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c));
        return value.codePointCount(0, value.length()) > 64 ? out + "..." : out.toString();
    }
}
