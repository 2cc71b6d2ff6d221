package io.github.camelsmarthome.simulator.homeconnect;

import java.util.Map;

/**
 * The two HTML pages a person sees in the simulator: the grant page of the authorization-code
 * flow and the verification page of the device flow. Deliberately plain; they exist so that the
 * CLI's {@code authorize} can be tried by hand against the simulator.
 */
final class OAuthPages {

    private OAuthPages() {
    }

    static String grantPage(Map<String, String> hiddenFields, String scope) {
        StringBuilder hidden = new StringBuilder();
        hiddenFields.forEach((name, value) -> {
            if (value != null) {
                hidden.append("<input type=\"hidden\" name=\"").append(escape(name)).append("\" value=\"")
                        .append(escape(value)).append("\">");
            }
        });
        return page("Home Connect simulator - grant access",
                "<p>An application asks for access to your simulated appliances with the scopes <code>" + escape(scope)
                        + "</code>.</p><form method=\"post\" action=\"/security/oauth/grant\">" + hidden
                        + "<button name=\"action\" value=\"approve\">Grant</button> "
                        + "<button name=\"action\" value=\"deny\">Deny</button></form>");
    }

    static String verificationPage(String userCode, String message) {
        return page("Home Connect simulator - device login",
                (message == null ? "" : "<p><strong>" + escape(message) + "</strong></p>")
                        + "<form method=\"post\" action=\"/security/oauth/device\"><label>User code "
                        + "<input name=\"user_code\" value=\"" + escape(userCode == null ? "" : userCode) + "\"></label> "
                        + "<button name=\"action\" value=\"approve\">Approve</button> "
                        + "<button name=\"action\" value=\"deny\">Deny</button></form>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title></head><body><h1>"
                + escape(title) + "</h1>" + body + "</body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
