/**
 * Home Connect events: the typed model ({@link io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent})
 * and the decoding of the event stream into it
 * ({@link io.github.camelsmarthome.homeconnect.api.event.HomeConnectStreamDecoder}).
 *
 * <p>Plain Java and Jackson, no Camel imports: the Camel consumer feeds the bytes of the
 * all-appliances stream in and routes what comes out.
 */
package io.github.camelsmarthome.homeconnect.api.event;
