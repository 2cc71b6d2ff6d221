package io.github.camelsmarthome.simplisafe.api.websocket;

import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.util.Locale;

/**
 * Turns a {@code ws://} or {@code wss://} URL and the timings into Vert.x client and connect
 * options: TLS for {@code wss}, default ports 80 and 443, the connect timeouts, frame limits that
 * match the parser's, and a short closing timeout so that a dead peer that never answers the close
 * frame does not keep its TCP connection long.
 */
final class WebsocketAddress {

    /** Seconds Vert.x waits for the peer's close frame before it ends the TCP connection itself. */
    static final int CLOSING_TIMEOUT_SECONDS = 2;

    private final String host;
    private final int port;
    private final boolean ssl;
    private final String requestUri;
    private final SimplisafeRealtimeOptions options;

    private WebsocketAddress(String host, int port, boolean ssl, String requestUri, SimplisafeRealtimeOptions options) {
        this.host = host;
        this.port = port;
        this.ssl = ssl;
        this.requestUri = requestUri;
        this.options = options;
    }

    /** The address of {@link SimplisafeRealtimeOptions#url()}, which the options have already checked. */
    static WebsocketAddress of(SimplisafeRealtimeOptions options) {
        URI uri = URI.create(options.url());
        boolean ssl = uri.getScheme().toLowerCase(Locale.ROOT).equals("wss");
        int port = uri.getPort() == -1 ? (ssl ? 443 : 80) : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String requestUri = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new WebsocketAddress(uri.getHost(), port, ssl, requestUri, options);
    }

    WebSocketClientOptions clientOptions() {
        int limit = WebsocketMessageParser.DEFAULT_MAX_MESSAGE_CHARS;
        return new WebSocketClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()))
                .setMaxFrameSize(limit)
                .setMaxMessageSize(limit)
                .setClosingTimeout(CLOSING_TIMEOUT_SECONDS)
                .setSsl(ssl);
    }

    WebSocketConnectOptions connectOptions() {
        return new WebSocketConnectOptions().setHost(host).setPort(port).setSsl(ssl).setURI(requestUri)
                .setTimeout(options.connectTimeout().toMillis())
                .putHeader("User-Agent", options.userAgent());
    }

    /** Host and port for logs; the path and query are left out in case a query carries anything private. */
    String display() {
        return (ssl ? "wss://" : "ws://") + host + ":" + port;
    }
}
