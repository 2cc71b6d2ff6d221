package io.github.camelsmarthome.simplisafe.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a person may paste after the browser login, and what is refused with one line saying what to paste. */
class PastedAuthorizationCodeTest {

    private static final String CODE = "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1eF3hJ5kL7nP9r-_";
    private static final String CALLBACK = "com.simplisafe.mobile://auth.simplisafe.com/ios/com.simplisafe.mobile/callback";

    @Test
    void theCodeHasTheDocumentedLength() {
        assertThat(CODE).hasSize(PastedAuthorizationCode.CODE_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        CODE,
        "  " + CODE + "  ",
        "=" + CODE,
        "'" + CODE + "'",
        CALLBACK + "?code=" + CODE,
        CALLBACK + "?code=" + CODE + "&state=our-state",
        "Failed to launch '" + CALLBACK + "?code=" + CODE + "' because the scheme does not have a registered handler.",
        "location: " + CALLBACK + "?code=" + CODE,
        "Location: COM.SIMPLISAFE.MOBILE://auth.simplisafe.com/ios/com.simplisafe.mobile/callback?code=" + CODE + "#",
        "?code=" + CODE,
        "code=" + CODE + "&state=x",
    })
    void acceptsTheBareCodeTheCallbackAddressAndADevToolsLine(String pasted) {
        assertThat(PastedAuthorizationCode.extract(pasted, "our-state")).isEqualTo(CODE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "hello world",
        CALLBACK,
        CALLBACK + "?state=our-state",
        "Failed to launch '" + CALLBACK + "?code=' because the scheme does not have a registered handler.",
        "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1eF3hJ5kL7nP9r",
        CODE + "X",
        "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1eF3hJ5kL7nP9r!?",
        "https://auth.simplisafe.com/u/login?state=abc",
    })
    void refusesAnythingElseWithOneLineThatSaysWhatToPaste(String pasted) {
        assertThatThrownBy(() -> PastedAuthorizationCode.extract(pasted, "our-state"))
                .isInstanceOf(UnusablePasteException.class)
                .hasMessageContaining(PastedAuthorizationCode.WHAT_TO_PASTE)
                .hasMessageNotContaining("\n")
                .satisfies(refusal -> assertThat(refusal.getMessage()).doesNotContain("aB3dE5gH7jK9"));
    }

    @Test
    void saysWhyTheShapeIsWrong() {
        assertThatThrownBy(() -> PastedAuthorizationCode.extract(CODE.substring(1), null))
                .hasMessageContaining("44 characters instead of 45");
        assertThatThrownBy(() -> PastedAuthorizationCode.extract(CALLBACK + "?state=s", null))
                .hasMessageStartingWith("The pasted address carries no code");
        assertThatThrownBy(() -> PastedAuthorizationCode.extract("", null)).hasMessageStartingWith("Nothing was pasted");
    }

    @Test
    void refusesACallbackOfAnotherLoginAttempt() {
        assertThatThrownBy(() -> PastedAuthorizationCode.extract(CALLBACK + "?code=" + CODE + "&state=other", "ours"))
                .isInstanceOf(UnusablePasteException.class)
                .hasMessageContaining("another login attempt");
    }

    @Test
    void reportsAnErrorCallbackWithoutItsDescription() {
        assertThatThrownBy(() -> PastedAuthorizationCode.extract(CALLBACK + "?error=access_denied&error_description=nope", null))
                .isInstanceOf(UnusablePasteException.class)
                .hasMessageContaining("access_denied")
                .hasMessageContaining("fresh private window");
    }
}
