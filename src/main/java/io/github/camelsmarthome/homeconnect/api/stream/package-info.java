/**
 * The Home Connect event stream of one account, kept open and in step: connection, reconnect
 * rules, gap markers, budget-aware resync and backpressure
 * ({@link io.github.camelsmarthome.homeconnect.api.stream.HomeConnectEventStream}).
 *
 * <p>Plain Java on Vert.x core, no Camel imports: the Camel consumer builds one stream per
 * account and routes what its {@link io.github.camelsmarthome.homeconnect.api.stream.EventStreamListener}
 * receives. {@code docs/homeconnect-event-stream.md} describes the behaviour and the options.
 */
package io.github.camelsmarthome.homeconnect.api.stream;
