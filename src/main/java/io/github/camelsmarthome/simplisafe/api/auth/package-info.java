/**
 * The SimpliSafe login (brief section 3): the PKCE authorization-code flow of the iOS app client,
 * reading what a person pastes back from the browser, the token exchange, the auth check that
 * names the user, and the refresh that {@link io.github.camelsmarthome.auth.TokenRefresher} drives.
 * Plain Java on Vert.x core; no Camel types. No token, code or verifier is ever logged.
 */
package io.github.camelsmarthome.simplisafe.api.auth;
