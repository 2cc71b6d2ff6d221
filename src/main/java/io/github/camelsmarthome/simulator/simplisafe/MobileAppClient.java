package io.github.camelsmarthome.simulator.simplisafe;

/**
 * The Auth0 client that integrations impersonate, the SimpliSafe iOS app (brief section 3.1). The
 * simulator's tenant knows this one client only, as the real tenant only issues refresh tokens
 * to it.
 */
public final class MobileAppClient {

    /** {@code client_id} of the iOS app. */
    public static final String CLIENT_ID = "42aBZ5lYrVW12jfOuu3CQROitwxg9sN5";
    /** The app's custom-scheme callback; the authorize step ends with a 302 to it. */
    public static final String REDIRECT_URI = "com.simplisafe.mobile://auth.simplisafe.com/ios/com.simplisafe.mobile/callback";
    /** The scope the app asks for; {@code offline_access} is what earns a refresh token. */
    public static final String SCOPE = "offline_access email openid https://api.simplisafe.com/scopes/user:platform";
    /** The API audience. */
    public static final String AUDIENCE = "https://api.simplisafe.com/";
    /** The only PKCE method the tenant accepts. */
    public static final String CODE_CHALLENGE_METHOD = "S256";

    private MobileAppClient() {
    }
}
