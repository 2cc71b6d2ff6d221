/**
 * Change detection between two REST polls of a system: the events the websocket does not deliver,
 * and the whole event stream when it is unavailable (brief 11 P1, P9).
 */
package io.github.camelsmarthome.simplisafe.api.change;
