package io.github.camelsmarthome.simulator.miio;

/**
 * The first 16 bytes of a miIO packet (brief section 3), as unsigned values.
 *
 * @param length  the length field: the whole packet, header included
 * @param unknown {@code 0} except in the hello request ({@code 0xFFFFFFFF})
 * @param did     device id
 * @param stamp   device stamp (uptime seconds on the device side)
 */
public record PacketHeader(int length, long unknown, long did, long stamp) {
}
