package io.github.camelsmarthome.simplisafe;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of the {@code simplisafe:} component and its endpoints. Account options (account,
 * state folder, URLs) are usually set once on the component; endpoint options say what one route
 * consumes or calls.
 */
@UriParams
public class SimplisafeConfiguration implements Cloneable {

    @UriParam(label = "security", defaultValue = "default")
    private String account = "default";
    @UriParam(label = "security", secret = true)
    private String refreshToken;
    @UriParam
    private String stateDir;
    @UriParam(defaultValue = "https://api.simplisafe.com/v1")
    private String apiUrl = "https://api.simplisafe.com/v1";
    @UriParam(defaultValue = "https://auth.simplisafe.com")
    private String authUrl = "https://auth.simplisafe.com";
    @UriParam(defaultValue = "wss://socketlink.prd.aser.simplisafe.com")
    private String websocketUrl = "wss://socketlink.prd.aser.simplisafe.com";
    @UriParam
    private Long systemId;

    @UriParam(label = "consumer", defaultValue = "true")
    private boolean realtime = true;
    @UriParam
    private String accountsDir;
    @UriParam(label = "consumer")
    private String eventTypes;
    @UriParam(label = "consumer", defaultValue = "1")
    private int maxInFlight = 1;
    @UriParam(label = "consumer", defaultValue = "10s", javaType = "java.time.Duration")
    private long fastPollInterval = 10_000;
    @UriParam(label = "consumer", defaultValue = "30s", javaType = "java.time.Duration")
    private long slowPollInterval = 30_000;
    @UriParam(label = "consumer,advanced", defaultValue = "15s", javaType = "java.time.Duration")
    private long armCooldown = 15_000;
    @UriParam(label = "consumer,advanced", defaultValue = "20")
    private int historyPageSize = 20;
    @UriParam(label = "consumer,advanced", defaultValue = "true")
    private boolean pollSensors = true;

    @UriParam(label = "producer,security", secret = true)
    private String armCode;
    @UriParam(label = "producer,security", defaultValue = "true")
    private boolean allowUnlock = true;
    @UriParam(label = "producer")
    private String lockSerial;
    @UriParam(label = "producer")
    private boolean forceUpdate;

    @UriParam(label = "advanced", defaultValue = "10s", javaType = "java.time.Duration")
    private long connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration")
    private long requestTimeout = 30_000;

    /** A copy for one endpoint, so that endpoint options never change the component's. */
    public SimplisafeConfiguration copy() {
        try {
            return (SimplisafeConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getAccount() {
        return account;
    }

    /**
     * The name of the account: the token store in stateDir is named after it (authorize simplisafe
     * writes it with SIMPLISAFE_ACCOUNT). Endpoints with the same account share tokens, client and
     * event feed.
     */
    public void setAccount(String account) {
        this.account = account;
    }

    public String getAccountsDir() {
        return accountsDir;
    }

    /**
     * A folder of token stores, one account each (name.tokens.json): the consumer runs one event
     * feed per account in it, each with its own tokens, picks up new ones within 10 s and stops the
     * account of a store that is deleted. A producer calls as the account the CamelSimplisafeAccount
     * header names (refused when it has no store here), else as the account whose feed watches the
     * system (or the lock), else as the one named by account. Empty: the one account named by account.
     */
    public void setAccountsDir(String accountsDir) {
        this.accountsDir = accountsDir;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    /**
     * A refresh token to start from when the account's token store is empty (otherwise run authorize
     * simplisafe once). The store keeps the tokens from then on.
     */
    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public String getStateDir() {
        return stateDir;
    }

    /** The folder of the token store (owner-only); default .camel-smarthome in the user's home folder. */
    public void setStateDir(String stateDir) {
        this.stateDir = stateDir;
    }

    public String getApiUrl() {
        return apiUrl;
    }

    /** The REST base URL: https://api.simplisafe.com/v1, or the simulator's. */
    public void setApiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    public String getAuthUrl() {
        return authUrl;
    }

    /** The login (Auth0) base URL, used to refresh tokens: https://auth.simplisafe.com, or the simulator's. */
    public void setAuthUrl(String authUrl) {
        this.authUrl = authUrl;
    }

    public String getWebsocketUrl() {
        return websocketUrl;
    }

    /** The realtime websocket URL: wss://socketlink.prd.aser.simplisafe.com, or the simulator's. */
    public void setWebsocketUrl(String websocketUrl) {
        this.websocketUrl = websocketUrl;
    }

    public Long getSystemId() {
        return systemId;
    }

    /**
     * The system (sid): the consumer emits only its events (all systems of the account when unset);
     * the producer addresses it (the CamelSimplisafeSystemId header wins; with neither, the account's
     * only system).
     */
    public void setSystemId(Long systemId) {
        this.systemId = systemId;
    }

    public boolean isRealtime() {
        return realtime;
    }

    /**
     * Also listen on the websocket for events within a second. SimpliSafe refuses it (HTTP 403) for
     * many accounts since 2025: after three refusals the consumer stops trying for two hours and runs on
     * REST polling alone (connection mode REST_ONLY). false: polling only.
     */
    public void setRealtime(boolean realtime) {
        this.realtime = realtime;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    /** Only these event types, comma-separated (for example alarm_triggered,sensor_triggered); all when empty. */
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

    public long getFastPollInterval() {
        return fastPollInterval;
    }

    /** The pause between polls while a system is armed, arming, pending or alarming. */
    public void setFastPollInterval(long fastPollInterval) {
        this.fastPollInterval = fastPollInterval;
    }

    public long getSlowPollInterval() {
        return slowPollInterval;
    }

    /** The pause between polls while a system is disarmed. */
    public void setSlowPollInterval(long slowPollInterval) {
        this.slowPollInterval = slowPollInterval;
    }

    public long getArmCooldown() {
        return armCooldown;
    }

    /**
     * After the alarm state changes on a system with locks, sensors are not read for this long: the
     * base station is busy and would answer 409.
     */
    public void setArmCooldown(long armCooldown) {
        this.armCooldown = armCooldown;
    }

    public int getHistoryPageSize() {
        return historyPageSize;
    }

    /** How many events to ask the event history for at a time (getEvents, back-fill, REST-only polling). */
    public void setHistoryPageSize(int historyPageSize) {
        this.historyPageSize = historyPageSize;
    }

    public boolean isPollSensors() {
        return pollSensors;
    }

    /** Read sensors and locks at every poll: needed for door, motion, battery and lock events. */
    public void setPollSensors(boolean pollSensors) {
        this.pollSensors = pollSensors;
    }

    public String getArmCode() {
        return armCode;
    }

    /**
     * When set, setState and unlock run only when the CamelSimplisafeCode header carries this code
     * (checked before any call; a wrong code is refused without reaching SimpliSafe).
     */
    public void setArmCode(String armCode) {
        this.armCode = armCode;
    }

    public boolean isAllowUnlock() {
        return allowUnlock;
    }

    /**
     * Whether unlock may run. On by default so that a lock works like in the SimpliSafe app; set to
     * false to make the bridge refuse every unlock (for example when commands come from a shared
     * Home Assistant).
     */
    public void setAllowUnlock(boolean allowUnlock) {
        this.allowUnlock = allowUnlock;
    }

    public String getLockSerial() {
        return lockSerial;
    }

    /** lock and unlock: the serial of the lock (the CamelSimplisafeLockSerial header wins). */
    public void setLockSerial(String lockSerial) {
        this.lockSerial = lockSerial;
    }

    public boolean isForceUpdate() {
        return forceUpdate;
    }

    /**
     * getSensors, getLocks and getSettings ask the base station rather than the cloud's copy: fresher,
     * but slow and often answered with 409 or 504.
     */
    public void setForceUpdate(boolean forceUpdate) {
        this.forceUpdate = forceUpdate;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for a connection to SimpliSafe. */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    /** How long to wait for the answer to one REST request. */
    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }
}
