package io.github.camelsmarthome.miio.protocol;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code token} of a scene trigger (brief 6.3 {@code trigger_token}): nothing for ordinary
 * sub-device events, the gateway's own token in plain hex for protected triggers such as the
 * gateway alarm, or a fixed value from a user catalog.
 *
 * <p>The value is a secret: {@link #toString()} never shows it, and the gateway token is only
 * supplied when the scene is built ({@link #resolve(SceneTokens)}), never stored here.
 */
public final class TriggerToken {

    private static final Pattern HEX_TOKEN = Pattern.compile("[0-9a-fA-F]{32}");

    /** No token: the trigger's {@code token} is the empty string. */
    public static final TriggerToken NONE = new TriggerToken(Kind.NONE, "");

    /** The gateway's own token in plain hex, filled in when the scene is built. */
    public static final TriggerToken GATEWAY_TOKEN = new TriggerToken(Kind.GATEWAY_TOKEN, "");

    private enum Kind { NONE, GATEWAY_TOKEN, LITERAL }

    private final Kind kind;
    private final String literal;

    private TriggerToken(Kind kind, String literal) {
        this.kind = kind;
        this.literal = literal;
    }

    /**
     * A fixed token of 32 hex digits, as a user catalog may give it.
     *
     * @throws IllegalArgumentException when it is not 32 hex digits (the message does not repeat it)
     */
    public static TriggerToken literal(String hex) {
        if (hex == null || !HEX_TOKEN.matcher(hex).matches()) {
            throw new IllegalArgumentException("a trigger token must be 32 hex digits");
        }
        return new TriggerToken(Kind.LITERAL, hex.toLowerCase(Locale.ROOT));
    }

    /** Whether building a scene with this trigger needs the gateway token. */
    public boolean needsGatewayToken() {
        return kind == Kind.GATEWAY_TOKEN;
    }

    /**
     * The text to put into TRIGGER.{@code token}.
     *
     * @param tokens asked for the gateway token only when {@link #needsGatewayToken()}
     */
    public String resolve(SceneTokens tokens) {
        return switch (kind) {
            case NONE -> "";
            case LITERAL -> literal;
            case GATEWAY_TOKEN -> Objects.requireNonNull(tokens.gatewayTokenHex(),
                    "this trigger needs the gateway token in plain hex");
        };
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof TriggerToken token && kind == token.kind && literal.equals(token.literal);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, literal);
    }

    /** Names the kind only; a literal token is never shown. */
    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "none";
            case GATEWAY_TOKEN -> "gateway token";
            case LITERAL -> "fixed token (hidden)";
        };
    }
}
