package io.github.camelsmarthome.simulator.miio;

/**
 * How the delivery of one fired event to one scene target ended.
 *
 * @param sceneId      the scene that fired
 * @param targetIp     where the event went
 * @param method       the method sent, e.g. {@code click_ch0:lumi_158d0001a2b3c4}
 * @param eventId      the request id of the event
 * @param acknowledged whether {@code {"result":0,"id":eventId}} came back
 * @param attempts     how many times the event packet was sent (0 when the target never answered the hello)
 */
public record DeliveryOutcome(String sceneId, String targetIp, String method, long eventId, boolean acknowledged, int attempts) {
}
