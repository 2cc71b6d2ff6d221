package io.github.camelsmarthome.app;

import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.camel.Service;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports whether the Kafka cluster in KAFKA_BROKERS answers. A background probe asks for the
 * cluster's nodes every {@value #PROBE_INTERVAL_SECONDS} s, so that a health request never waits
 * on the network and an outage is logged once, not at every retry.
 */
public class KafkaBrokerHealthCheck extends AbstractHealthCheck implements Service {

    static final int PROBE_INTERVAL_SECONDS = 10;
    private static final int PROBE_TIMEOUT_MILLIS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerHealthCheck.class);

    private final String bootstrapServers;
    private final Properties clientProperties;
    private volatile Admin admin;
    private volatile ScheduledExecutorService executor;
    private volatile String problem = "not probed yet";
    private volatile int nodes;

    /**
     * @param bootstrapServers the KAFKA_BROKERS value
     * @param clientProperties extra client settings (security, SASL, TLS) passed to the probe
     */
    public KafkaBrokerHealthCheck(String bootstrapServers, Properties clientProperties) {
        super("smarthome", "kafka-broker");
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.clientProperties = clientProperties;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public synchronized void start() {
        if (admin != null) {
            // Camel may start a service it both manages and holds as a health check twice; a second
            // admin client would outlive stop() and keep dialling the brokers.
            return;
        }
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "camel-smarthome-health");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, PROBE_TIMEOUT_MILLIS);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, PROBE_TIMEOUT_MILLIS);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, PROBE_INTERVAL_SECONDS * 1000);
        admin = Admin.create(props);
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "smarthome-kafka-probe");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::probe, 0, PROBE_INTERVAL_SECONDS, TimeUnit.SECONDS);
    }

    private void probe() {
        String before = problem;
        Admin client = admin;
        if (client == null) {
            return;
        }
        try {
            nodes = client.describeCluster(new DescribeClusterOptions().timeoutMs(PROBE_TIMEOUT_MILLIS))
                    .nodes().get(PROBE_TIMEOUT_MILLIS + 1_000L, TimeUnit.MILLISECONDS).size();
            problem = null;
            if (before != null) {
                LOG.info("Kafka cluster {} answers ({} broker(s))", bootstrapServers, nodes);
            }
        } catch (TimeoutException e) {
            problem = "no broker answered within " + PROBE_TIMEOUT_MILLIS / 1000 + " s";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            problem = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            problem = e.toString();
        }
        if (problem != null && !problem.equals(before)) {
            LOG.warn("Kafka cluster {} unreachable: {}; events for Kafka wait until it answers", bootstrapServers, problem);
        }
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("bootstrap.servers", bootstrapServers);
        String current = problem;
        if (current == null) {
            builder.detail("brokers", nodes);
            builder.up();
        } else {
            builder.message("Kafka cluster " + bootstrapServers + " unreachable: " + current);
            builder.down();
        }
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService current = executor;
        executor = null;
        if (current != null) {
            current.shutdownNow();
        }
        Admin client = admin;
        admin = null;
        if (client != null) {
            client.close(java.time.Duration.ofSeconds(2));
        }
    }
}
