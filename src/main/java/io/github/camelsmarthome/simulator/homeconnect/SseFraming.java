package io.github.camelsmarthome.simulator.homeconnect;

/**
 * How events are laid out on the wire (brief sections 8.2 and 10.10).
 *
 * <p>Both are valid server-sent events; clients that split on {@code "event:"} without stripping
 * the optional space, or that choke on comment lines, break on {@link #SIMULATOR}.
 */
public enum SseFraming {
    /** The production cloud: no space after the field colon, no comments. */
    PRODUCTION(""),
    /**
     * BSH's hosted simulator: one space after every field colon, and a {@code :ok} comment when
     * the stream opens.
     */
    SIMULATOR(" ");

    private final String afterColon;

    SseFraming(String afterColon) {
        this.afterColon = afterColon;
    }

    /**
     * One event, terminated by its blank line. Field order is the captured production order:
     * {@code event}, {@code data}, {@code id}.
     *
     * @param data the data line's value; {@code null} writes no data line
     * @param id   the id line's value; {@code null} writes no id line
     */
    String frame(String event, String data, String id) {
        StringBuilder frame = new StringBuilder(64 + (data == null ? 0 : data.length()));
        frame.append("event:").append(afterColon).append(event).append('\n');
        if (data != null) {
            frame.append("data:").append(afterColon).append(data).append('\n');
        }
        if (id != null) {
            frame.append("id:").append(afterColon).append(id).append('\n');
        }
        return frame.append('\n').toString();
    }

    /** What the stream starts with before any event. */
    String preamble() {
        return this == SIMULATOR ? ":ok\n\n" : "";
    }
}
