package io.github.camelsmarthome.miio.protocol;

import java.util.Objects;

/**
 * The token material a scene carries, computed by the packet codec from the gateway token so this
 * package does not depend on the crypto: {@code token_enc} for ACTION.{@code token} (brief 4.1)
 * and, for protected triggers only, the gateway token in plain hex (brief 6.3).
 *
 * <p>Implementations must not show either value in {@code toString()}.
 */
public interface SceneTokens {

    /** ACTION.{@code token}: 32 lower-case hex digits, the gateway token encrypted with itself (brief 4.1). */
    String targetTokenEnc();

    /**
     * The gateway token in plain hex, asked for only by triggers whose {@link TriggerToken} needs
     * it (the gateway alarm); {@code null} when the caller does not want to hand it out.
     */
    String gatewayTokenHex();

    /**
     * Fixed values, for callers that already computed them.
     *
     * @param targetTokenEnc the {@code token_enc} hex
     * @param gatewayTokenHex the gateway token in plain hex, or {@code null} when no protected trigger is subscribed
     */
    static SceneTokens of(String targetTokenEnc, String gatewayTokenHex) {
        Objects.requireNonNull(targetTokenEnc, "targetTokenEnc");
        return new SceneTokens() {
            @Override
            public String targetTokenEnc() {
                return targetTokenEnc;
            }

            @Override
            public String gatewayTokenHex() {
                return gatewayTokenHex;
            }

            @Override
            public String toString() {
                return "SceneTokens[hidden]";
            }
        };
    }
}
