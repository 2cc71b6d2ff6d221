package io.github.camelsmarthome.simplisafe;

/**
 * A producer with {@code accountsDir} was asked (by the {@link SimplisafeConstants#ACCOUNT}
 * header) to call SimpliSafe as an account that has no token store in the folder; nothing was
 * called. The message names the account, the folder and how to add the account.
 */
public class UnknownSimplisafeAccountException extends SimplisafeCommandRefusedException {

    private static final long serialVersionUID = 1L;

    /** A refusal with its reason. */
    public UnknownSimplisafeAccountException(String message) {
        super(message);
    }
}
