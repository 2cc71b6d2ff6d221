package io.github.camelsmarthome.simulator.homeconnect;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The apps registered with the simulated developer portal. */
final class OAuthClients {

    private final Map<String, OAuthClientRegistration> byId = new ConcurrentHashMap<>();

    OAuthClients(List<OAuthClientRegistration> initial) {
        initial.forEach(this::register);
    }

    void register(OAuthClientRegistration client) {
        byId.put(client.clientId(), client);
    }

    OAuthClientRegistration find(String clientId) {
        return clientId == null ? null : byId.get(clientId);
    }

    /** The registration, or the portal's "Invalid client id" refusal. */
    OAuthClientRegistration require(String clientId) {
        OAuthClientRegistration client = find(clientId);
        if (client == null) {
            throw OAuthError.unknownClient().exception();
        }
        return client;
    }
}
