package io.github.camelsmarthome.miio.protocol;

import java.util.regex.Pattern;

/**
 * The {@code method} of an event request from a gateway, read back into what the scene command put
 * into it (brief 6.5, 6.7): {@code <action>:<sid with '_' for '.'>}, e.g.
 * {@code click_ch0:lumi_158d0001a2b3c4} → action {@code click_ch0}, sid {@code lumi.158d0001a2b3c4};
 * {@code alarm_triggering:123456789} → the gateway's own event.
 *
 * <p>Reading: split at the <em>last</em> {@code :}; every {@code _} of the right part becomes
 * {@code .}. If the gateway ever left the target model in front ({@code chuangmi.plug.v3.click_ch0:…}),
 * the part up to the last {@code .} of the left side is taken as {@link #targetModel()} and
 * dropped from the action. {@link #parse(String)} never throws: hostile or foreign methods give an
 * {@link Unrecognised} whose reason is safe to log (short, control characters replaced).
 *
 * @param action the action label
 * @param sourceSid the source device's sid, or the gateway did for the gateway's own events
 * @param targetModel the model prefix if the gateway kept one, else {@code null}
 * @param raw the method exactly as received
 */
public record MiioEventMethod(String action, String sourceSid, String targetModel, String raw) {

    /** Longer methods are refused unread: a command is at most 49 characters. */
    public static final int MAX_LENGTH = 256;

    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9._-]+");

    /** The outcome of {@link #parse(String)}. */
    public sealed interface Result permits Recognised, Unrecognised {
    }

    /** A method of the expected form. @param method what it says */
    public record Recognised(MiioEventMethod method) implements Result {
    }

    /** A method that is not an event of ours: count it, log the reason, ack, emit nothing. @param reason one line, safe to log */
    public record Unrecognised(String reason) implements Result {
    }

    /** Reads a method; never throws. */
    public static Result parse(String method) {
        if (method == null) {
            return new Unrecognised("no method");
        }
        if (method.length() > MAX_LENGTH) {
            return new Unrecognised("method of " + method.length() + " characters, longer than " + MAX_LENGTH);
        }
        int colon = method.lastIndexOf(':');
        if (colon < 0) {
            return new Unrecognised("method '" + SceneCommand.printable(method) + "' has no ':' between action and source");
        }
        String left = method.substring(0, colon);
        String source = method.substring(colon + 1);
        int dot = left.lastIndexOf('.');
        String targetModel = dot < 0 ? null : left.substring(0, dot);
        String action = left.substring(dot + 1);
        if (!ACTION.matcher(action).matches() || (targetModel != null && !MODEL.matcher(targetModel).matches())) {
            return new Unrecognised("method '" + SceneCommand.printable(method) + "' has no valid action before ':'");
        }
        if (!SOURCE.matcher(source).matches()) {
            return new Unrecognised("method '" + SceneCommand.printable(method) + "' has no valid source after ':'");
        }
        String sid = source.replace('_', '.');
        return new Recognised(new MiioEventMethod(action, sid, targetModel, method));
    }
}
