package io.github.camelsmarthome.auth;

import java.io.IOException;
import java.util.Optional;

/**
 * Keeps each account's {@link OAuthTokens} across restarts. {@link FileTokenStore} is the
 * implementation the bundle uses; tests and embedders may supply their own (a vault, a database).
 *
 * <p>Implementations must make {@link #save} durable and atomic before it returns: the refresher
 * hands out a new access token only after the rotated refresh token is safely stored.
 */
public interface TokenStore {

    /**
     * The stored tokens of {@code account}, or empty when there are none.
     *
     * @throws CorruptTokenFileException when stored data exists but cannot be read as tokens
     * @throws IOException when the store cannot be read
     */
    Optional<OAuthTokens> load(String account) throws IOException;

    /** Replaces the stored tokens of {@code account}, durably and atomically. */
    void save(String account, OAuthTokens tokens) throws IOException;

    /** Removes the stored tokens of {@code account}; {@code false} when there were none. */
    boolean delete(String account) throws IOException;

    /** Where the tokens of {@code account} live, for messages that tell a user what to fix. */
    default String locationOf(String account) {
        return account;
    }
}
