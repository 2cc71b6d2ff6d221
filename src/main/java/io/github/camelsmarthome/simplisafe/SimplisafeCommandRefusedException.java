package io.github.camelsmarthome.simplisafe;

/**
 * The bridge refused a command before calling SimpliSafe: a missing or wrong arm code, or an unlock
 * while {@code allowUnlock} is off. The message says which and never contains the code.
 */
public class SimplisafeCommandRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A refusal with its reason. */
    public SimplisafeCommandRefusedException(String message) {
        super(message);
    }
}
