package io.github.camelsmarthome.simulator.simplisafe;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Clips and snapshots of camera events under {@code /media} (brief sections 6.6 and 6.7). A new
 * recording is "still uploading": its first fetches answer 404, then it serves placeholder bytes
 * of the right content type. Every fetch needs the bearer token, like the real media hosts.
 */
final class CameraMedia {

    private static final byte[] JPEG = HexFormat.of().parseHex("ffd8ffe000104a46494600010100000100010000ffd9");
    private static final byte[] MP4 = HexFormat.of().parseHex("0000001866747970697336000000000069736f366d703431");
    private static final byte[] FLV = HexFormat.of().parseHex("464c5601050000000900000000");

    /** Fetches seen per registered path; unregistered paths are always 404. */
    private final Map<String, Integer> fetches = new ConcurrentHashMap<>();
    private volatile int notFoundFetches;

    CameraMedia(int notFoundFetches) {
        this.notFoundFetches = notFoundFetches;
    }

    void setNotFoundFetches(int fetches) {
        if (fetches < 0) {
            throw new IllegalArgumentException("Fetch count must not be negative, got " + fetches);
        }
        this.notFoundFetches = fetches;
    }

    /** Makes a recording's path servable (after the 404s). */
    void register(String path) {
        fetches.putIfAbsent(path, 0);
    }

    void register(Router router) {
        router.get(SimpliSafeSimulator.MEDIA_PATH + "/*").handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        String path = ctx.request().path();
        Integer seen = fetches.computeIfPresent(path, (key, count) -> count + 1);
        if (seen == null || seen <= notFoundFetches) {
            RestAnswers.text(ctx, 404, "Not Found");
            return;
        }
        if (path.endsWith("/hls")) {
            String playlist = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:10\n#EXTINF:10.0,\nsegment0.ts\n#EXT-X-ENDLIST\n";
            send(ctx, "application/vnd.apple.mpegurl", playlist.getBytes(StandardCharsets.UTF_8));
        } else if (path.endsWith("/flv")) {
            send(ctx, "video/x-flv", FLV);
        } else if (path.endsWith(".mp4") || path.endsWith("/dash")) {
            send(ctx, "video/mp4", MP4);
        } else {
            send(ctx, "image/jpeg", JPEG);
        }
    }

    private static void send(RoutingContext ctx, String contentType, byte[] body) {
        ctx.response().setStatusCode(200).putHeader("Content-Type", contentType).end(Buffer.buffer(body));
    }
}
