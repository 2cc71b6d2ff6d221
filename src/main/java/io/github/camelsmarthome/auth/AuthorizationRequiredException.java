package io.github.camelsmarthome.auth;

/**
 * No usable token can be had until a person authorises the account again: the refresh token was
 * refused, or there are no stored tokens. Retrying does not help; the message says what to do.
 */
public final class AuthorizationRequiredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String account;

    AuthorizationRequiredException(String account, String detail) {
        super("Account " + account + " must be authorised again: " + detail);
        this.account = account;
    }

    /** The account concerned. */
    public String account() {
        return account;
    }
}
