/**
 * The server-sent-events wire format of the Home Connect event stream: bytes in, raw events out.
 *
 * <p>Knows nothing about Home Connect payloads; {@code homeconnect.api.event} gives the raw events
 * their meaning. No Camel imports here.
 */
package io.github.camelsmarthome.homeconnect.api.sse;
