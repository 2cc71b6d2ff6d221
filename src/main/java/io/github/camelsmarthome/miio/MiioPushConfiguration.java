package io.github.camelsmarthome.miio;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of the {@code miio-push:} component and its endpoints. Options set on the component
 * are the defaults of every endpoint; each endpoint works on a copy.
 */
@UriParams
public class MiioPushConfiguration implements Cloneable {

    /** The miIO port of gateways and of the push server. */
    public static final int MIIO_PORT = 54321;

    @UriParam(label = "security", secret = true)
    @Metadata(required = true)
    private String token;
    @UriParam
    private String eventCatalog;
    @UriParam(defaultValue = "" + MIIO_PORT)
    private int gatewayPort = MIIO_PORT;
    @UriParam(defaultValue = "5s", javaType = "java.time.Duration")
    private long timeout = 5_000;
    @UriParam(defaultValue = "3")
    private int retries = 3;
    @UriParam(defaultValue = "0.0.0.0")
    private String bindAddress = "0.0.0.0";
    @UriParam
    private String advertisedAddress;
    @UriParam(defaultValue = "120009025")
    private long deviceId = 120009025L;

    @UriParam(label = "consumer")
    private String devices;
    @UriParam(label = "consumer")
    private String subscriptions;
    @UriParam(label = "consumer", defaultValue = "" + MIIO_PORT)
    private int port = MIIO_PORT;
    @UriParam(label = "consumer", defaultValue = "10m", javaType = "java.time.Duration")
    private long silenceTimeout = 600_000;
    @UriParam(label = "consumer", defaultValue = "1")
    private int maxInFlight = 1;
    @UriParam(label = "consumer,advanced", defaultValue = "5s", javaType = "java.time.Duration")
    private long installRetryDelay = 5_000;

    @UriParam(label = "producer", enums = "send,subscribe,unsubscribe", defaultValue = "send")
    private String operation = "send";
    @UriParam(label = "producer")
    private String method;

    /** A copy for one endpoint, so that endpoint options never change the component's. */
    public MiioPushConfiguration copy() {
        try {
            return (MiioPushConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getToken() {
        return token;
    }

    /**
     * The gateway's miIO token, 32 hex digits. It encrypts the requests to the gateway and the
     * events it pushes back. Never logged.
     */
    public void setToken(String token) {
        this.token = token;
    }

    public String getEventCatalog() {
        return eventCatalog;
    }

    /**
     * The path of a JSON file of extra events in the shape of the built-in catalog; its entries add
     * to the built-in ones or replace those with the same model and action.
     */
    public void setEventCatalog(String eventCatalog) {
        this.eventCatalog = eventCatalog;
    }

    public int getGatewayPort() {
        return gatewayPort;
    }

    /** The gateway's miIO UDP port (54321 on every real gateway; tests and simulators may differ). */
    public void setGatewayPort(int gatewayPort) {
        this.gatewayPort = gatewayPort;
    }

    public long getTimeout() {
        return timeout;
    }

    /** How long to wait for the gateway's answer to one attempt of a request. */
    public void setTimeout(long timeout) {
        this.timeout = timeout;
    }

    public int getRetries() {
        return retries;
    }

    /** Attempts after the first one when the gateway does not answer or answers that it is busy. */
    public void setRetries(int retries) {
        this.retries = retries;
    }

    public String getBindAddress() {
        return bindAddress;
    }

    /**
     * The local address of the push server's UDP socket. Consumers with the same bindAddress and
     * port share one server; a specific address is also the advertised one unless
     * advertisedAddress is set.
     */
    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    public String getAdvertisedAddress() {
        return advertisedAddress;
    }

    /**
     * The address of this host as the gateway reaches it, written into every scene. Detected from
     * the route to the gateway when empty; set it behind Docker bridge networking, NAT or on hosts
     * with several networks.
     */
    public void setAdvertisedAddress(String advertisedAddress) {
        this.advertisedAddress = advertisedAddress;
    }

    public long getDeviceId() {
        return deviceId;
    }

    /**
     * The device id of the fake miIO plug the push server plays (chuangmi.plug.v3); the scenes name
     * it as their target. Consumers sharing a server must agree on it.
     */
    public void setDeviceId(long deviceId) {
        this.deviceId = deviceId;
    }

    public String getDevices() {
        return devices;
    }

    /**
     * The sub-devices whose every catalog event is subscribed: sid:model pairs separated by commas,
     * for example lumi.158d0001a2b3c4:lumi.sensor_switch.aq2. The gateway's own events (the alarm)
     * use the gateway did as sid, for example 123456789:lumi.gateway.v3.
     */
    public void setDevices(String devices) {
        this.devices = devices;
    }

    public String getSubscriptions() {
        return subscriptions;
    }

    /**
     * Single events to subscribe, sid:model:action separated by commas, for example
     * lumi.158d0001a2b3c4:lumi.sensor_switch.aq2:click_ch0.
     */
    public void setSubscriptions(String subscriptions) {
        this.subscriptions = subscriptions;
    }

    public int getPort() {
        return port;
    }

    /**
     * The push server's UDP port. Gateways only ever send to 54321; change it only for tests and
     * simulators. Only one program per host address can own it.
     */
    public void setPort(int port) {
        this.port = port;
    }

    public long getSilenceTimeout() {
        return silenceTimeout;
    }

    /**
     * How long the gateway may send nothing (keepalive, hello or event) before it is reported
     * offline: health DOWN and a gateway_offline event. Consumers sharing a server must agree on it.
     */
    public void setSilenceTimeout(long silenceTimeout) {
        this.silenceTimeout = silenceTimeout;
    }

    public int getMaxInFlight() {
        return maxInFlight;
    }

    /**
     * The most exchanges of this route unfinished at once. 1 (the default): an event enters the route
     * only when the previous one completed, so the sink sees them strictly in order (MQTT retained
     * state). More: events still enter in order without waiting, so a route ending in an asynchronous
     * producer (camel-kafka) pipelines them; an exchange redelivered by a Camel error handler may then
     * land after later ones.
     */
    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public long getInstallRetryDelay() {
        return installRetryDelay;
    }

    /**
     * The first wait before installing the scenes again after a failure; it doubles up to 5
     * minutes.
     */
    public void setInstallRetryDelay(long installRetryDelay) {
        this.installRetryDelay = installRetryDelay;
    }

    public String getOperation() {
        return operation;
    }

    /**
     * What the producer does: send (any miIO method, the result is the body), subscribe or
     * unsubscribe (one event of one sub-device, named by headers).
     */
    public void setOperation(String operation) {
        this.operation = operation;
    }

    public String getMethod() {
        return method;
    }

    /** The miIO method the send operation calls, for example miIO.info (the CamelMiioPushMethod header wins). */
    public void setMethod(String method) {
        this.method = method;
    }
}
