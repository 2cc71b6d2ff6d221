package io.github.camelsmarthome.simulator;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/** The HTTP server part the cloud simulators share: how they listen, their base URL, how they close. */
public final class SimulatorHttp {

    private SimulatorHttp() {
    }

    /**
     * Listens with {@code router} on {@code host:port} (0: a free port). HTTP/1.1 only, like the
     * clouds' plain chunked answers: an h2c upgrade would change what a dropped or truncated answer
     * looks like to a client.
     */
    public static Future<HttpServer> listen(Vertx vertx, String host, int port, Router router) {
        HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port).setHttp2ClearTextEnabled(false);
        return vertx.createHttpServer(options).requestHandler(router).listen();
    }

    /** {@code http://<host>:<port>} of a listening server; the wildcard address reads as 127.0.0.1. */
    public static String baseUrl(String host, HttpServer listening) {
        return "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + listening.actualPort();
    }

    /**
     * Closes the server (if it was started), then {@code vertx} when the simulator owns it. The
     * returned future has no context: completing it must not need an event loop of the Vert.x being
     * closed, whose executors are already gone by then.
     */
    public static Future<Void> close(HttpServer server, Vertx vertx, boolean ownsVertx) {
        Future<Void> serverClosed = server == null ? Future.succeededFuture() : server.close();
        Promise<Void> closed = Promise.promise();
        serverClosed.onComplete(result -> {
            if (ownsVertx) {
                vertx.close().onComplete(closed);
            } else {
                closed.handle(result);
            }
        });
        return closed.future();
    }
}
