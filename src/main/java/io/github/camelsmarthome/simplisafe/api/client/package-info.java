/**
 * The SimpliSafe REST client: {@link io.github.camelsmarthome.simplisafe.api.client.SimpliSafeClient}
 * on a borrowed Vert.x, answering with the model of {@code simplisafe.api.model}, and one named
 * exception per thing a caller handles differently (brief section 10). No Camel imports.
 */
package io.github.camelsmarthome.simplisafe.api.client;
