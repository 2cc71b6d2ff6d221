package io.github.camelsmarthome.simulator.simplisafe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Without auto-login a person signs in on a page; its success is the 302 to the app callback. */
class LoginPageTest extends SimpliSafeTestSupport {

    @Override
    protected SimpliSafeSimulatorOptions options() {
        return SimpliSafeSimulatorOptions.forTests().autoLogin(false).build();
    }

    @Test
    void wrongPasswordShowsThePageAgainAndTheRightOneRedirectsWithACode() {
        PkcePair pkce = PkcePair.create();
        HttpResponse<String> page = SimpliSafeHttp.send(HttpRequest.newBuilder(URI.create(pkce.authorizeUrl(cloud.authUrl()))).GET().build());
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher login = Pattern.compile("name=\"login\" value=\"([0-9a-f]+)\"").matcher(page.body());
        assertThat(login.find()).isTrue();

        assertThat(submit(login.group(1), cloud.email(), "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> signedIn = submit(login.group(1), cloud.email(), cloud.password());

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).startsWith(MobileAppClient.REDIRECT_URI + "?code=");
        assertThat(submit(login.group(1), cloud.email(), cloud.password()).statusCode()).as("the login session is spent").isEqualTo(400);
    }

    private HttpResponse<String> submit(String loginId, String email, String password) {
        String form = "login=" + loginId + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return SimpliSafeHttp.send(HttpRequest.newBuilder(URI.create(cloud.authUrl() + "/u/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }
}
