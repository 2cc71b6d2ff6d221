/**
 * Plain-Java building blocks of the Home Connect client: the error model that turns an HTTP
 * error answer into a named exception, and the request budget that keeps the client inside the
 * rate limits of the service.
 *
 * <p>Nothing in this package imports Camel, so it can be used and tested on its own.
 */
package io.github.camelsmarthome.homeconnect.api;
