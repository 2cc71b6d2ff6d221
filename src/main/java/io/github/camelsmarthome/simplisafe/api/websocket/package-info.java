/**
 * The SimpliSafe websocket (brief 6 and 9): its messages (envelope, hello, registered, subscribed
 * and event messages, parsed from hostile text frames without ever throwing) and
 * {@link io.github.camelsmarthome.simplisafe.api.websocket.SimplisafeRealtimeClient}, which keeps
 * one authenticated, watched connection and reconnects it by the brief's rules.
 */
package io.github.camelsmarthome.simplisafe.api.websocket;
