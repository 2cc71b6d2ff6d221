package io.github.camelsmarthome.miio.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * The {@code send_data_frame} requests that upload a scene text (brief 6.4, 6.9): the text is cut
 * into frames of at most {@value #MAX_FRAME_BYTES} bytes, as the official app does, and each frame
 * becomes the params of one request, to be sent in list order; the upload succeeded only when
 * every frame's reply is {@code ["ok"]} ({@link #isSuccess(JsonNode)}).
 *
 * <p>Params of frame {@code i} of {@code n}:
 * {@code {"cur": i, "data": "<frame text>", "data_tkn": <token>, "total": n, "type": "scene"}}; the
 * frame text is a JSON string value, so the JSON writer escapes it (brief 12).
 *
 * <p>Frame size: a character counts 1 when ASCII and 3 per UTF-16 unit otherwise (the app's rule;
 * never less than its UTF-8 size), and a frame never ends inside a surrogate pair. Joining the
 * frames' {@code data} in {@code cur} order gives back the text ({@link #reassemble(List)}).
 */
public final class SendDataFrames {

    /** The method of each request. */
    public static final String METHOD = "send_data_frame";

    /** The most bytes of scene text one frame carries (the app's limit). */
    public static final int MAX_FRAME_BYTES = 700;

    /** The data token python-miio always sends; any value in [0, 65534] works. */
    public static final int PYTHON_MIIO_DATA_TOKEN = 29576;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SendDataFrames() {
    }

    /** A fresh data token in [0, 65534], as the app picks it. */
    public static int randomDataToken(RandomGenerator random) {
        return random.nextInt(65535);
    }

    /**
     * The params of every request of the upload, in sending order.
     *
     * @param sceneText the scene array text ({@link LocalSceneEncoder#encode})
     * @param dataToken the same for every frame of this upload, in [0, 65534]
     */
    public static List<ObjectNode> params(String sceneText, int dataToken) {
        if (dataToken < 0 || dataToken > 65534) {
            throw new IllegalArgumentException("data_tkn must be in [0, 65534], not " + dataToken);
        }
        List<String> frames = split(sceneText);
        List<ObjectNode> params = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            ObjectNode frame = NODES.objectNode();
            frame.put("cur", i);
            frame.put("data", frames.get(i));
            frame.put("data_tkn", dataToken);
            frame.put("total", frames.size());
            frame.put("type", "scene");
            params.add(frame);
        }
        return params;
    }

    /** The text cut into frames of at most {@value #MAX_FRAME_BYTES} bytes; one empty frame for an empty text. */
    public static List<String> split(String text) {
        Objects.requireNonNull(text, "text");
        List<String> frames = new ArrayList<>();
        int start = 0;
        int weight = 0;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int units = Character.charCount(codePoint);
            int cost = codePoint < 0x80 ? 1 : 3 * units;
            if (weight + cost > MAX_FRAME_BYTES) {
                frames.add(text.substring(start, i));
                start = i;
                weight = 0;
            }
            weight += cost;
            i += units;
        }
        frames.add(text.substring(start));
        return frames;
    }

    /** The size of a text by the frame rule: 1 per ASCII character, 3 per other UTF-16 unit. */
    public static int weight(String text) {
        int weight = 0;
        for (int i = 0; i < text.length(); i++) {
            weight += text.charAt(i) < 0x80 ? 1 : 3;
        }
        return weight;
    }

    /**
     * Joins the frames of one upload, in any arrival order, as a gateway does.
     *
     * @throws IllegalArgumentException when frames are missing, repeated with different data, from
     *     two uploads, or not of the params shape
     */
    public static String reassemble(List<? extends JsonNode> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames");
        }
        JsonNode first = frames.get(0);
        int token = intField(first, "data_tkn");
        int total = intField(first, "total");
        TreeMap<Integer, String> byIndex = new TreeMap<>();
        for (JsonNode frame : frames) {
            if (intField(frame, "data_tkn") != token || intField(frame, "total") != total) {
                throw new IllegalArgumentException("frames of two uploads mixed (data_tkn or total differ)");
            }
            int cur = intField(frame, "cur");
            JsonNode data = frame.get("data");
            if (cur < 0 || cur >= total || data == null || !data.isTextual()) {
                throw new IllegalArgumentException("frame " + cur + " of " + total + " is out of range or has no data");
            }
            String previous = byIndex.putIfAbsent(cur, data.asText());
            if (previous != null && !previous.equals(data.asText())) {
                throw new IllegalArgumentException("frame " + cur + " arrived twice with different data");
            }
        }
        if (byIndex.size() != total) {
            throw new IllegalArgumentException("only " + byIndex.size() + " of " + total + " frames present");
        }
        return String.join("", byIndex.values());
    }

    /** Whether a reply's {@code result} means the gateway took the frame: exactly {@code ["ok"]}. */
    public static boolean isSuccess(JsonNode result) {
        return result != null && result.isArray() && result.size() == 1 && "ok".equals(result.get(0).textValue());
    }

    private static int intField(JsonNode frame, String field) {
        JsonNode value = frame == null ? null : frame.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("frame without an integer \"" + field + "\"");
        }
        return value.intValue();
    }
}
