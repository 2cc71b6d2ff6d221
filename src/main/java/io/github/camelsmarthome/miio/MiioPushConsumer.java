package io.github.camelsmarthome.miio;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.github.camelsmarthome.InvalidConfigurationException;
import io.github.camelsmarthome.component.DeviceEventConsumer;
import io.github.camelsmarthome.component.RouteBacklog;
import io.github.camelsmarthome.component.RouteEventFeed;
import io.github.camelsmarthome.miio.protocol.EventInfo;
import io.github.camelsmarthome.miio.protocol.GatewayScenes;
import io.github.camelsmarthome.miio.protocol.GatewayStatusEvents;
import io.github.camelsmarthome.miio.protocol.MiioDeviceClient;
import io.github.camelsmarthome.miio.protocol.MiioEventMethod;
import io.github.camelsmarthome.miio.protocol.MiioPushEvent;
import io.github.camelsmarthome.miio.protocol.MiioPushListener;
import io.github.camelsmarthome.miio.protocol.MiioPushServer;
import io.github.camelsmarthome.miio.protocol.MiioPushServerStats;
import io.github.camelsmarthome.miio.protocol.MiioSubscriptions;
import io.github.camelsmarthome.miio.protocol.PushedMessage;
import io.github.camelsmarthome.miio.protocol.SceneInstallation;
import io.github.camelsmarthome.miio.protocol.SubscriptionPlan;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("miio-push:<gateway>")}: registers the gateway with the shared push server, installs
 * one scene per subscribed event on it, and emits every event it pushes as a {@link MiioPushEvent}.
 *
 * <ul>
 *   <li>Start fails with one line for every configuration error (token, subscriptions, the
 *       49-character command limit, event catalog, port in use, no route to the gateway).</li>
 *   <li>A gateway that does not take the scenes does not stop the route: the failure is logged, the
 *       health check is DOWN, and the installation is retried in the background with a growing
 *       delay.</li>
 *   <li>A gateway that goes silent is reported: health DOWN and a {@code gateway_offline} event;
 *       when it is heard again, a {@code gateway_online} event, and the scenes are installed again
 *       (a gateway that lost power may come back with a reset or restored scene table; the ids are
 *       deterministic, so re-sending replaces instead of duplicating).</li>
 *   <li>A gateway that sends from a new address (a new DHCP lease) is followed: the push server
 *       recognises it by its token, commands go to the new address, a {@code gateway_moved} event is
 *       emitted and the scenes are installed again (same ids, so they replace).</li>
 *   <li>Stop deletes every scene of the plan from the gateway, then unregisters.</li>
 * </ul>
 *
 * <p>Events are handed to the route in order, at most {@code maxInFlight} exchanges at a time
 * ({@link RouteEventFeed}), through a backlog of {@link DeviceEventConsumer#BACKLOG} events per consumer, so a route whose broker is down falls
 * behind without stalling the other routes of the gateway. Past that bound the push server's
 * listener thread waits (every route of the gateway then waits), and when the server's queue is
 * full too it stops acknowledging (the gateway re-sends later) instead of filling memory. Several consumers of one
 * gateway each get every event; each deletes on stop only the scenes no other one still uses.
 */
public class MiioPushConsumer extends DefaultConsumer implements RouteBacklog.Owner {

    private static final Logger LOG = LoggerFactory.getLogger(MiioPushConsumer.class);
    private static final Duration MAX_INSTALL_RETRY_DELAY = Duration.ofMinutes(5);
    private static final long UNRECOGNISED_LOG_INTERVAL_MS = 60_000;
    private static final long ROOM_CHECK_INTERVAL_MS = 1_000;

    private final MiioPushEndpoint endpoint;
    private final LongAdder unrecognisedEvents = new LongAdder();
    private final AtomicLong nextUnrecognisedWarning = new AtomicLong();

    private volatile SubscriptionPlan plan;
    private volatile InetAddress gateway;
    private volatile InetAddress advertised;
    private volatile MiioPushServer server;
    private volatile MiioDeviceClient client;
    private GatewayScenes scenes;
    private ScheduledExecutorService scheduler;
    private MiioPushListener listener;
    private final RouteEventFeed<MiioPushEvent> feed;

    private SceneInstallation installation;
    private volatile Instant silentSince;

    MiioPushConsumer(MiioPushEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.feed = new RouteEventFeed<>(this, endpoint.getConfiguration().getMaxInFlight(), MiioPushConsumer::describe,
                event -> "miIO event " + event);
    }

    @Override
    public MiioPushEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        MiioPushConfiguration configuration = endpoint.getConfiguration();
        endpoint.token();
        plan = plan(configuration);
        gateway = endpoint.gatewayAddress();
        int port = MiioPushEndpoint.checkedPort("port", configuration.getPort());
        if (configuration.getSilenceTimeout() <= 0) {
            throw new InvalidConfigurationException("silenceTimeout", "must be positive");
        }
        advertised = endpoint.advertisedAddress();
        client = endpoint.newClient();
        listener = new Listener();
        try {
            attach(port, configuration);
        } catch (RuntimeException e) {
            client.close();
            client = null;
            throw e;
        }
        String source = !isBlank(configuration.getAdvertisedAddress()) ? "advertisedAddress"
                : endpoint.bindAddress().isAnyLocalAddress() ? "detected from the route to the gateway" : "the bindAddress";
        LOG.info("miio-push: gateway {}: {} scene(s) will point to {} ({}); the push server listens on UDP {}:{}",
                endpoint.getGatewayHost(), plan.scenes().size(), advertised.getHostAddress(), source,
                server.localAddress().getAddress().getHostAddress(), server.localAddress().getPort());
        if (plan.scenes().isEmpty()) {
            LOG.warn("miio-push: gateway {}: neither devices nor subscriptions are set, so no scene is installed; only"
                     + " events of scenes installed elsewhere will arrive", endpoint.getGatewayHost());
        }
        silentSince = null;
        endpoint.getComponent().consumerStarted(this);
        // Reads the field on every request, so the scenes follow the gateway when it moves.
        scenes = new GatewayScenes((method, params) -> client.send(method, params), endpoint.getGatewayHost());
        scheduler = endpoint.getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "miio-push-scenes-" + endpoint.getGatewayHost());
        installation = new SceneInstallation(scenes, () -> endpoint.uploads(plan, advertised), plan.scenes().size(),
                endpoint.getGatewayHost(), scheduler, Duration.ofMillis(configuration.getInstallRetryDelay()),
                MAX_INSTALL_RETRY_DELAY);
        registerHealthCheck();
        installation.installNow();
    }

    /** Held while attaching, so a move of the gateway reported meanwhile waits until {@code server} is set. */
    private synchronized void attach(int port, MiioPushConfiguration configuration) {
        server = endpoint.getComponent().attach(new MiioPushComponent.ServerKey(
                new InetSocketAddress(endpoint.bindAddress(), port), configuration.getDeviceId(),
                Duration.ofMillis(configuration.getSilenceTimeout())), gateway, endpoint.token(), listener,
                Set.copyOf(plan.sceneIds()));
    }

    private SubscriptionPlan plan(MiioPushConfiguration configuration) {
        List<EventInfo> events = MiioSubscriptions.parse(configuration.getDevices(), configuration.getSubscriptions(),
                endpoint.catalog());
        try {
            return SubscriptionPlan.of(endpoint.gatewayKey(), events);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(MiioSubscriptions.SUBSCRIPTIONS, e.getMessage());
        }
    }

    private void registerHealthCheck() {
        // Camel 4 asks each route's consumer for its check through the "consumers" repository.
        HealthCheckRepository consumers = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "consumers",
                HealthCheckRepository.class);
        if (consumers != null && getHealthCheck() == null) {
            MiioPushConsumerHealthCheck check = new MiioPushConsumerHealthCheck(this, getRouteId());
            check.setEnabled(endpoint.getComponent().isHealthCheckConsumerEnabled());
            setHealthCheck(check);
        }
    }

    @Override
    protected void doStop() throws Exception {
        endpoint.getComponent().consumerStopped(this);
        if (installation != null) {
            installation.close();
        }
        Set<String> stillNeeded;
        // With the move of the gateway (followMove): either it finished and the new client is closed below, or it
        // sees no server and changes nothing.
        synchronized (this) {
            stillNeeded = server == null ? Set.of() : endpoint.getComponent().detach(server, gateway, listener);
            server = null;
        }
        if (scenes != null) {
            List<String> ours = plan.sceneIds().stream().filter(id -> !stillNeeded.contains(id)).toList();
            if (!ours.isEmpty()) {
                removeScenes(ours);
            }
        }
        if (client != null) {
            client.close();
            client = null;
        }
        if (scheduler != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
            scheduler = null;
        }
        super.doStop();
    }

    private void removeScenes(List<String> sceneIds) throws InterruptedException {
        MiioPushConfiguration configuration = endpoint.getConfiguration();
        // every scene may cost all attempts; more than that means the client is stuck
        long patience = (configuration.getRetries() + 2L) * configuration.getTimeout() * (sceneIds.size() + 1);
        CompletableFuture<GatewayScenes.Removal> removal = scenes.remove(sceneIds);
        try {
            GatewayScenes.Removal outcome = removal.get(patience, TimeUnit.MILLISECONDS);
            if (outcome.remaining().isEmpty()) {
                LOG.info("miio-push: gateway {}: {} scene(s) deleted", endpoint.getGatewayHost(), outcome.removed().size());
            } else {
                LOG.warn("miio-push: gateway {}: {} scene(s) could not be deleted and stay on the gateway until the next"
                         + " start replaces them: {}", endpoint.getGatewayHost(), outcome.remaining().size(),
                        outcome.remaining());
            }
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            LOG.warn("miio-push: gateway {}: deleting the scenes did not finish ({}); they stay on the gateway until the"
                     + " next start replaces them", endpoint.getGatewayHost(), e.getClass().getSimpleName());
        }
    }

    /** Why the consumer is not healthy, or {@code null} while the scenes are installed and the gateway is heard. */
    String problem() {
        Instant silent = silentSince;
        if (silent != null) {
            return "gateway " + endpoint.getGatewayHost() + " is silent since " + silent + " (no keepalive or event):"
                   + " is it online, and may it send UDP to " + advertised.getHostAddress() + ":"
                   + endpoint.getConfiguration().getPort() + "?";
        }
        return installation == null ? "not started" : installation.problem();
    }

    /** Events whose method was not of the form {@code action:sid}: acknowledged, counted, not emitted. */
    public long unrecognisedEvents() {
        return unrecognisedEvents.sum();
    }

    /**
     * The counters of the push server this consumer listens on (shared by every consumer on its port),
     * while it runs; {@link MiioPushServerStats#droppedQueueFull()} counts events left unacknowledged
     * because the consumers were too far behind.
     */
    public Optional<MiioPushServerStats> pushServerStats() {
        MiioPushServer current = server;
        return current == null ? Optional.empty() : Optional.of(current.stats());
    }

    /** The devices whose events this consumer subscribes (sub-device sids, the gateway did for its own events). */
    Set<String> plannedDevices() {
        SubscriptionPlan current = plan;
        if (current == null) {
            return Set.of();
        }
        Set<String> sids = new java.util.HashSet<>();
        current.scenes().forEach(scene -> sids.add(scene.event().sourceSid()));
        return Set.copyOf(sids);
    }

    /** The scene ids this consumer installs on its gateway. */
    public List<String> plannedSceneIds() {
        return plan == null ? List.of() : plan.sceneIds();
    }

    private void onEvent(PushedMessage message) {
        MiioEventMethod.Result parsed = MiioEventMethod.parse(message.method());
        if (parsed instanceof MiioEventMethod.Unrecognised unrecognised) {
            unrecognisedEvents.increment();
            long now = System.currentTimeMillis();
            long next = nextUnrecognisedWarning.get();
            if (now >= next && nextUnrecognisedWarning.compareAndSet(next, now + UNRECOGNISED_LOG_INTERVAL_MS)) {
                LOG.warn("miio-push: gateway {}: event {} not emitted: {} ({} such events so far)",
                        endpoint.getGatewayHost(), message.messageId(), unrecognised.reason(), unrecognisedEvents.sum());
            } else {
                LOG.debug("miio-push: gateway {}: event {} not emitted: {}", endpoint.getGatewayHost(),
                        message.messageId(), unrecognised.reason());
            }
            return;
        }
        MiioEventMethod method = ((MiioEventMethod.Recognised) parsed).method();
        emit(MiioPushEvent.of(endpoint.getGatewayHost(), message.messageId(), method, message.params(),
                plan.modelOf(method.sourceSid()).orElse(null), message.receivedAt()));
    }

    /** The gateway's device id once a request got an answer, its host before that. */
    private String gatewaySid() {
        MiioDeviceClient current = client;
        long did = current == null ? -1 : current.deviceId();
        return did >= 0 ? Long.toString(did) : endpoint.getGatewayHost();
    }

    /** Queues {@code event} for the route; past the bound, waits (on the caller's thread) until there is room. */
    private void emit(MiioPushEvent event) {
        CompletableFuture<Void> room = feed.offer(event).toCompletableFuture();
        // Waiting here holds the push server's listener thread: its queue fills and it stops acknowledging,
        // so the gateway keeps the events instead of this JVM. A stopping route releases the wait.
        while (!room.isDone() && isRunAllowed()) {
            try {
                room.get(ROOM_CHECK_INTERVAL_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (TimeoutException | ExecutionException stillFull) {
                LOG.debug("miio-push: gateway {}: the route's backlog is still full", endpoint.getGatewayHost());
            }
        }
    }

    private static void describe(Message message, MiioPushEvent event) {
        message.setBody(event);
        message.setHeader(MiioPushConstants.GATEWAY, event.gateway());
        message.setHeader(MiioPushConstants.DEVICE_ID, event.deviceId());
        message.setHeader(MiioPushConstants.ACTION, event.action());
        message.setHeader(MiioPushConstants.EVENT_ID, event.id());
        message.setHeader(MiioPushConstants.METHOD, event.method());
        if (event.model() != null) {
            message.setHeader(MiioPushConstants.MODEL, event.model());
        }
    }

    @Override
    public RouteBacklog routeBacklog() {
        return feed;
    }

    /**
     * The push server found the gateway at {@code to}: the component's bookkeeping, the endpoint and
     * the client follow, then the scenes are installed again through the new address.
     */
    private synchronized void followMove(InetAddress from, InetAddress to) {
        MiioPushServer current = server;
        if (current == null || !isRunAllowed()) {
            return;
        }
        endpoint.getComponent().gatewayMoved(current, from, to);
        endpoint.gatewayMoved(to);
        gateway = to;
        try {
            advertised = endpoint.advertisedAddress();
        } catch (RuntimeException e) {
            LOG.warn("miio-push: gateway {}: cannot tell the advertised address towards {} ({}); the scenes keep"
                     + " pointing to {}", endpoint.getGatewayHost(), to.getHostAddress(), e.getMessage(),
                    advertised.getHostAddress());
        }
        MiioDeviceClient previous = client;
        client = endpoint.newClient();
        if (previous != null) {
            previous.close();
        }
        silentSince = null;
        LOG.info("miio-push: gateway {} moved from {} to {}; sending commands there and installing its scenes again",
                endpoint.getGatewayHost(), from.getHostAddress(), to.getHostAddress());
        emit(GatewayStatusEvents.moved(endpoint.getGatewayHost(), gatewaySid(), from, to, Instant.now()));
        SceneInstallation installing = installation;
        if (installing != null) {
            installing.installNow();
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** What the push server reports about this consumer's gateway. */
    private final class Listener implements MiioPushListener {

        @Override
        public void onEvent(PushedMessage event) {
            MiioPushConsumer.this.onEvent(event);
        }

        @Override
        public void onGatewaySilent(InetAddress address, Duration silentFor) {
            silentSince = Instant.now().minus(silentFor);
            emit(GatewayStatusEvents.offline(endpoint.getGatewayHost(), gatewaySid(), silentFor, Instant.now()));
        }

        @Override
        public void onGatewayMoved(InetAddress from, InetAddress to) {
            followMove(from, to);
        }

        @Override
        public void onGatewayBack(InetAddress address) {
            silentSince = null;
            LOG.info("miio-push: gateway {} is heard again; installing its scenes again", endpoint.getGatewayHost());
            emit(GatewayStatusEvents.online(endpoint.getGatewayHost(), gatewaySid(), Instant.now()));
            SceneInstallation current = installation;
            if (current != null) {
                current.installNow();
            }
        }
    }
}
