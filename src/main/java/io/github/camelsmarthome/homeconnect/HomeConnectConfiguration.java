package io.github.camelsmarthome.homeconnect;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of the {@code homeconnect:} component and its endpoints. Account options (client
 * id, secret, API URL, state folder) are usually set once on the component; endpoint options say
 * what one route consumes or calls.
 */
@UriParams
public class HomeConnectConfiguration implements Cloneable {

    @UriParam(label = "security")
    @Metadata(required = true)
    private String clientId;
    @UriParam(label = "security", secret = true)
    private String clientSecret;
    @UriParam(label = "security", secret = true)
    private String refreshToken;
    @UriParam(label = "security", defaultValue = "IdentifyAppliance Monitor Control Settings")
    private String scope = "IdentifyAppliance Monitor Control Settings";
    @UriParam(defaultValue = "https://api.home-connect.com")
    private String apiUrl = "https://api.home-connect.com";
    @UriParam
    private String stateDir;
    @UriParam
    private String language;
    @UriParam
    private String haId;

    @UriParam
    private String accountsDir;
    @UriParam(label = "consumer")
    private String eventTypes;
    @UriParam(label = "consumer", defaultValue = "1")
    private int maxInFlight = 1;
    @UriParam(label = "consumer")
    private boolean splitItems;
    @UriParam(label = "consumer,advanced", defaultValue = "10s", javaType = "java.time.Duration")
    private long initialReconnectDelay = 10_000;
    @UriParam(label = "consumer,advanced", defaultValue = "1h", javaType = "java.time.Duration")
    private long maxReconnectDelay = 3_600_000;
    @UriParam(label = "consumer,advanced", defaultValue = "90s", javaType = "java.time.Duration")
    private long streamReadTimeout = 90_000;
    @UriParam(label = "consumer,advanced", defaultValue = "120s", javaType = "java.time.Duration")
    private long streamWatchdogTimeout = 120_000;
    @UriParam(label = "consumer,advanced", defaultValue = "180s", javaType = "java.time.Duration")
    private long silentStallTimeout = 180_000;

    @UriParam(label = "producer")
    private String key;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean checkPreconditions = true;

    @UriParam(label = "advanced", defaultValue = "10s", javaType = "java.time.Duration")
    private long connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration")
    private long requestTimeout = 30_000;

    /** A copy for one endpoint, so that endpoint options never change the component's. */
    public HomeConnectConfiguration copy() {
        try {
            return (HomeConnectConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getClientId() {
        return clientId;
    }

    /**
     * The client id of your application at developer.home-connect.com (or of the simulator). It
     * names the account: tokens, saved state and the request budget are kept per client id.
     */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    /** The client secret, for applications registered with the authorization-code flow. */
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    /**
     * A refresh token to start from when the token store in stateDir is empty (otherwise run
     * authorize homeconnect once). The store keeps the rotated tokens from then on.
     */
    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public String getScope() {
        return scope;
    }

    /** The OAuth scopes to ask for, space-separated. */
    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getApiUrl() {
        return apiUrl;
    }

    /**
     * The Home Connect base URL: https://api.home-connect.com, https://api.home-connect.cn, or the
     * local simulator's URL.
     */
    public void setApiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    public String getStateDir() {
        return stateDir;
    }

    /**
     * The folder of the token store, the saved appliance state and the request budget (owner-only);
     * default .camel-smarthome in the user's home folder.
     */
    public void setStateDir(String stateDir) {
        this.stateDir = stateDir;
    }

    public String getLanguage() {
        return language;
    }

    /** The language of the human-readable names Home Connect returns (Accept-Language), for example en-GB. */
    public void setLanguage(String language) {
        this.language = language;
    }

    public String getHaId() {
        return haId;
    }

    /**
     * The appliance: the consumer emits only its events; the producer addresses it (the
     * CamelHomeConnectHaId header wins).
     */
    public void setHaId(String haId) {
        this.haId = haId;
    }

    public String getAccountsDir() {
        return accountsDir;
    }

    /**
     * A folder of token stores, one account each (name.tokens.json, as authorize homeconnect
     * --account name writes it): the consumer streams the events of every account in it, each with
     * its own tokens, request budget and saved state, picks up new ones within 10 s and stops the
     * account of a store that is deleted. A producer calls as the account the CamelHomeConnectAccount
     * header names (refused when it has no store here), else as the account whose stream knows the
     * appliance, else as the client id's. Empty: the one account of the client id.
     */
    public void setAccountsDir(String accountsDir) {
        this.accountsDir = accountsDir;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    /**
     * Only these event types, comma-separated (STATUS, EVENT, NOTIFY, CONNECTED, DISCONNECTED,
     * PAIRED, DEPAIRED, stream_reconnected, auth_required); all when empty.
     */
    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
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

    public boolean isSplitItems() {
        return splitItems;
    }

    /** One exchange per item of an event instead of one per event. */
    public void setSplitItems(boolean splitItems) {
        this.splitItems = splitItems;
    }

    public long getInitialReconnectDelay() {
        return initialReconnectDelay;
    }

    /** The first wait before reopening a dropped event stream; it doubles, with jitter, up to maxReconnectDelay. */
    public void setInitialReconnectDelay(long initialReconnectDelay) {
        this.initialReconnectDelay = initialReconnectDelay;
    }

    public long getMaxReconnectDelay() {
        return maxReconnectDelay;
    }

    /** The longest wait between two attempts to reopen the event stream. */
    public void setMaxReconnectDelay(long maxReconnectDelay) {
        this.maxReconnectDelay = maxReconnectDelay;
    }

    public long getStreamReadTimeout() {
        return streamReadTimeout;
    }

    /** How long the event stream may stay silent before it is reopened (keep-alives come every 55 s). */
    public void setStreamReadTimeout(long streamReadTimeout) {
        this.streamReadTimeout = streamReadTimeout;
    }

    public long getStreamWatchdogTimeout() {
        return streamWatchdogTimeout;
    }

    /** An application watchdog above the read timeout: no line for this long reopens the stream. */
    public void setStreamWatchdogTimeout(long streamWatchdogTimeout) {
        this.streamWatchdogTimeout = streamWatchdogTimeout;
    }

    public long getSilentStallTimeout() {
        return silentStallTimeout;
    }

    /**
     * How long a running appliance may stay silent while keep-alives still flow before its status
     * is read; a status that disagrees with the stream reopens it (the stream stalled).
     */
    public void setSilentStallTimeout(long silentStallTimeout) {
        this.silentStallTimeout = silentStallTimeout;
    }

    public String getKey() {
        return key;
    }

    /**
     * The status, setting, option, command or program key the operation works on (the
     * CamelHomeConnectKey header wins).
     */
    public void setKey(String key) {
        this.key = key;
    }

    public boolean isCheckPreconditions() {
        return checkPreconditions;
    }

    /**
     * startProgram first checks that the appliance is connected, allows remote start and runs no
     * program, and refuses with the reason instead of spending a request that would fail.
     */
    public void setCheckPreconditions(boolean checkPreconditions) {
        this.checkPreconditions = checkPreconditions;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for a connection to Home Connect. */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    /** How long to wait for the answer to a REST request. */
    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }
}
