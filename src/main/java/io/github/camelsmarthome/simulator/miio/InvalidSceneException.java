package io.github.camelsmarthome.simulator.miio;

/** A {@code send_data_frame} upload the fake gateway refuses; the message names the problem, never the scene text. */
public final class InvalidSceneException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A refusal explained by {@code message}. */
    public InvalidSceneException(String message) {
        super(message);
    }
}
