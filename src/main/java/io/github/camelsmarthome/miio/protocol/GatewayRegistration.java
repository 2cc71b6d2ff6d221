package io.github.camelsmarthome.miio.protocol;

/**
 * What the push server knows about one registered gateway: the token its events are sealed with,
 * and who hears them.
 */
record GatewayRegistration(MiioToken token, MiioPushListener listener) {

    @Override
    public String toString() {
        // The token must never reach a log line through this record.
        return "GatewayRegistration[token=redacted, listener=" + listener + "]";
    }
}
