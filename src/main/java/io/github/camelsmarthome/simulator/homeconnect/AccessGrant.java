package io.github.camelsmarthome.simulator.homeconnect;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What an access token stands for: the app it was issued to, its scopes and when it expires.
 *
 * @param clientId  the app; rate limits are counted per app (the simulator has one user)
 * @param scopes    granted scope names
 * @param expiresAt when the token stops being accepted
 */
record AccessGrant(String clientId, Set<String> scopes, Instant expiresAt) {

    AccessGrant {
        scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
