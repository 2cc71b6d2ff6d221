package io.github.camelsmarthome.homeconnect.api.stream;

import io.github.camelsmarthome.auth.TokenRefresher;
import io.github.camelsmarthome.homeconnect.api.ApplianceStateSource;
import io.github.camelsmarthome.homeconnect.api.RequestBudget;
import io.github.camelsmarthome.homeconnect.api.state.ApplianceStateStore;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Configures a {@link HomeConnectEventStream}. Required: the Vert.x, the options, the token
 * refresher, the request budget, the REST reads for resync and the listener. Saved state comes
 * from {@link #stateDirectory(Path)} or a store opened by the caller ({@link #stateStore}); with
 * neither, state lives in memory and every start reads the appliances over REST once.
 */
public final class HomeConnectEventStreamBuilder {

    final Vertx vertx;
    final EventStreamOptions options;
    TokenRefresher tokens;
    RequestBudget budget;
    ApplianceStateSource stateSource;
    EventStreamListener listener;
    Path stateDirectory;
    ApplianceStateStore stateStore;
    HttpClient httpClient;
    final DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    HomeConnectEventStreamBuilder(Vertx vertx, EventStreamOptions options) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Where access tokens come from; on a 401 it is asked to renew. */
    public HomeConnectEventStreamBuilder tokens(TokenRefresher refresher) {
        this.tokens = Objects.requireNonNull(refresher, "tokens");
        return this;
    }

    /** The account's request budget: opening the stream is a request and holds an event channel. */
    public HomeConnectEventStreamBuilder budget(RequestBudget requestBudget) {
        this.budget = Objects.requireNonNull(requestBudget, "budget");
        return this;
    }

    /** The REST reads used to resync; the REST client implements it and asks the budget itself. */
    public HomeConnectEventStreamBuilder stateSource(ApplianceStateSource source) {
        this.stateSource = Objects.requireNonNull(source, "stateSource");
        return this;
    }

    /** Receives events and lifecycle changes. */
    public HomeConnectEventStreamBuilder listener(EventStreamListener eventListener) {
        this.listener = Objects.requireNonNull(eventListener, "listener");
        return this;
    }

    /**
     * The bundle's {@code STATE_DIR}: appliance state is loaded from and saved to
     * {@code <dir>/<account>.appliances.json} (owner-only). The file is read at {@code start()}.
     */
    public HomeConnectEventStreamBuilder stateDirectory(Path directory) {
        this.stateDirectory = Objects.requireNonNull(directory, "stateDirectory");
        return this;
    }

    /**
     * A store the caller opened, e.g. to share it with the producer; the stream updates it and
     * schedules its saves. Takes precedence over {@link #stateDirectory(Path)}.
     */
    public HomeConnectEventStreamBuilder stateStore(ApplianceStateStore store) {
        this.stateStore = Objects.requireNonNull(store, "stateStore");
        return this;
    }

    /**
     * An HTTP client to borrow (it is not closed at stop), e.g. one shared by many accounts;
     * without one the stream creates and closes its own.
     */
    public HomeConnectEventStreamBuilder httpClient(HttpClient client) {
        this.httpClient = Objects.requireNonNull(client, "httpClient");
        return this;
    }

    /** The stream, stopped; call {@link HomeConnectEventStream#start()}. */
    public HomeConnectEventStream build() {
        Objects.requireNonNull(tokens, "a token refresher is required");
        Objects.requireNonNull(budget, "a request budget is required");
        Objects.requireNonNull(stateSource, "an appliance state source is required");
        Objects.requireNonNull(listener, "a listener is required");
        return new HomeConnectEventStream(this);
    }
}
