package io.github.camelsmarthome.simplisafe.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.simplisafe.api.json.LenientJson;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The media links of a camera event (brief 6.6), taken from
 * {@code video[videoStartedBy]._links}. The URLs are kept exactly as sent, URI templates included
 * ({@code {&width}}); {@link #resolve} turns one into a fetchable URL. Each may be {@code null}:
 * {@code playback/hls} is missing for some cameras, which then offer {@code playback/flv}.
 *
 * <p>JSON form: {@code {"imageUrl":...,"clipUrl":...,"hlsUrl":...,"flvUrl":...}}, absent links omitted.
 *
 * @param imageUrl {@code snapshot/jpg}
 * @param clipUrl {@code download/mp4}
 * @param hlsUrl {@code playback/hls}
 * @param flvUrl {@code playback/flv}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"imageUrl", "clipUrl", "hlsUrl", "flvUrl"})
public record MediaUrls(String imageUrl, String clipUrl, String hlsUrl, String flvUrl) {

    /** The width Home Assistant asks for when a caller names none. */
    public static final int DEFAULT_WIDTH = 720;

    private static final Pattern TEMPLATE_EXPRESSION = Pattern.compile("\\{[^{}]*}");

    /**
     * The media links of an event object, or {@code null} when it has none: no {@code videoStartedBy},
     * no recording under that uuid, or no link this record names.
     */
    public static MediaUrls of(JsonNode event) {
        String startedBy = LenientJson.nonBlankText(event, "videoStartedBy");
        if (startedBy == null) {
            return null;
        }
        JsonNode recording = LenientJson.field(LenientJson.field(event, "video"), startedBy);
        JsonNode links = LenientJson.field(recording, "_links");
        MediaUrls urls = new MediaUrls(href(links, "snapshot/jpg"), href(links, "download/mp4"),
                href(links, "playback/hls"), href(links, "playback/flv"));
        return urls.isEmpty() ? null : urls;
    }

    /**
     * A URL with its template expressions resolved the way Home Assistant does: {@code {&width}}
     * becomes {@code &width=<width>}, every other expression ({@code {&token}},
     * {@code {&fps,width}}) is removed.
     */
    public static String resolve(String template, int width) {
        if (template == null) {
            return null;
        }
        Matcher matcher = TEMPLATE_EXPRESSION.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 12);
        while (matcher.find()) {
            matcher.appendReplacement(out, matcher.group().equals("{&width}") ? "&width=" + width : "");
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private boolean isEmpty() {
        return imageUrl == null && clipUrl == null && hlsUrl == null && flvUrl == null;
    }

    private static String href(JsonNode links, String name) {
        return LenientJson.nonBlankText(LenientJson.field(links, name), "href");
    }
}
