package io.github.camelsmarthome.simulator.miio;

import java.net.InetSocketAddress;

/**
 * One valid request the fake gateway answered; its params are not kept (a scene may carry a token).
 *
 * @param method the method name
 * @param id     the request id as sent
 * @param from   the sender
 */
public record ReceivedRequest(String method, long id, InetSocketAddress from) {
}
