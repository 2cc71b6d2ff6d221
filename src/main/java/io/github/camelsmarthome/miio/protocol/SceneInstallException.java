package io.github.camelsmarthome.miio.protocol;

/**
 * A scene could not be installed on or removed from a gateway: the gateway answered something else
 * than {@code ["ok"]}, or the request failed ({@link #getCause()} is then the
 * {@link MiioDeviceException}). The message names the gateway, the scene and the reason, never a
 * token or the scene text.
 */
public final class SceneInstallException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String sceneId;

    /** A failure of one scene; {@code message} must hold no secret. */
    public SceneInstallException(String sceneId, String message, Throwable cause) {
        super(message, cause);
        this.sceneId = sceneId;
    }

    /** The scene that failed. */
    public String sceneId() {
        return sceneId;
    }
}
