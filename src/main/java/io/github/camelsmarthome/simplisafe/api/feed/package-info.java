/**
 * The SimpliSafe event feed: REST polling with change detection, the websocket where it works,
 * back-fill from the event history, de-duplication by event id, the connection mode. No Camel
 * imports; the {@code simplisafe:events} consumer is a thin shell around {@link
 * io.github.camelsmarthome.simplisafe.api.feed.SimplisafeEventFeed}.
 */
package io.github.camelsmarthome.simplisafe.api.feed;
