/**
 * The plain-Java Home Connect client: {@link io.github.camelsmarthome.homeconnect.api.HomeConnectClient}
 * for every REST endpoint, {@link io.github.camelsmarthome.homeconnect.api.HomeConnectAuthorization} for
 * the device flow, the authorization-code flow and the token refresh, the error model that turns an
 * HTTP error answer into a named exception, and the request budget that keeps the client inside the
 * rate limits of the service.
 *
 * <p>Nothing in this package imports Camel, so it can be used and tested on its own.
 */
package io.github.camelsmarthome.homeconnect.api;
