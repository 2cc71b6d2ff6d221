package io.github.camelsmarthome.homeconnect;

/**
 * A producer with {@code accountsDir} was asked (by the {@link HomeConnectConstants#ACCOUNT}
 * header) to call Home Connect as an account that has no token store in the folder; nothing was
 * called. The message names the account, the folder and how to add the account.
 */
public class UnknownHomeConnectAccountException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** A refusal with its reason. */
    public UnknownHomeConnectAccountException(String message) {
        super(message);
    }
}
