package io.github.camelsmarthome.auth;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A token store for refresher tests: keeps tokens in memory, records what happened in order, fails on demand. */
final class InMemoryTokenStore implements TokenStore {

    private final Map<String, OAuthTokens> tokens = new ConcurrentHashMap<>();
    private final List<String> events;
    volatile IOException nextSaveFailure;
    volatile IOException nextLoadFailure;

    InMemoryTokenStore(List<String> events) {
        this.events = events;
    }

    InMemoryTokenStore() {
        this(new CopyOnWriteArrayList<>());
    }

    InMemoryTokenStore with(String account, OAuthTokens stored) {
        tokens.put(account, stored);
        return this;
    }

    OAuthTokens stored(String account) {
        return tokens.get(account);
    }

    @Override
    public Optional<OAuthTokens> load(String account) throws IOException {
        IOException failure = nextLoadFailure;
        if (failure != null) {
            nextLoadFailure = null;
            throw failure;
        }
        return Optional.ofNullable(tokens.get(account));
    }

    @Override
    public void save(String account, OAuthTokens saved) throws IOException {
        IOException failure = nextSaveFailure;
        if (failure != null) {
            nextSaveFailure = null;
            throw failure;
        }
        tokens.put(account, saved);
        events.add("saved refresh token " + saved.refreshToken());
    }

    @Override
    public boolean delete(String account) {
        return tokens.remove(account) != null;
    }

    @Override
    public String locationOf(String account) {
        return "memory:" + account;
    }
}
