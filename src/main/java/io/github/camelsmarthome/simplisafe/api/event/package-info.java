/**
 * SimpliSafe events: {@link io.github.camelsmarthome.simplisafe.api.event.SimplisafeEvent}, the
 * event-code table of brief 7, the reader shared by the websocket and the REST history, and the
 * exactly-once machinery ({@link io.github.camelsmarthome.simplisafe.api.event.SeenEventIds},
 * {@link io.github.camelsmarthome.simplisafe.api.event.EventHistoryCursor}).
 */
package io.github.camelsmarthome.simplisafe.api.event;
