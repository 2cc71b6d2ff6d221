/**
 * The SimpliSafe websocket's messages (brief 6): envelope, hello, registered, subscribed and event
 * messages, parsed from hostile text frames without ever throwing.
 */
package io.github.camelsmarthome.simplisafe.api.websocket;
