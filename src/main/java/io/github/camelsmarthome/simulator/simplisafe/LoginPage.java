package io.github.camelsmarthome.simulator.simplisafe;

/**
 * The browser step for people (brief section 3.2 step 4): an e-mail and password form whose
 * success is a 302 to the app's {@code com.simplisafe.mobile://} callback, which a browser cannot
 * open — the code is copied from the Location header, as with the real login.
 */
final class LoginPage {

    private LoginPage() {
    }

    static String render(String loginId, String error) {
        return """
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>SimpliSafe simulator - log in</title></head>
                <body>
                <h1>Log in to the SimpliSafe simulator</h1>
                %s
                <form method="post" action="%s">
                  <input type="hidden" name="login" value="%s">
                  <p><label>Email <input type="email" name="email" autocomplete="username"></label></p>
                  <p><label>Password <input type="password" name="password" autocomplete="current-password"></label></p>
                  <p><button type="submit">Continue</button></p>
                </form>
                <p>After you continue, the browser is sent to <code>com.simplisafe.mobile://…?code=…</code>, which it
                cannot open. Copy the code from the Location header (DevTools, Network tab) or the console message.</p>
                </body></html>
                """.formatted(error == null ? "" : "<p role=\"alert\">" + escape(error) + "</p>", AuthRoutes.LOGIN_PATH, escape(loginId));
    }

    static String refusal(String reason) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Error</title></head><body><h1>Oops!, something went wrong</h1><p>"
                + escape(reason) + "</p></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
