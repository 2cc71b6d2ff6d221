package io.github.camelsmarthome.simulator.miio;

import java.time.Duration;

/**
 * What {@code simulate miio} runs: the gateway, plus how events get fired from the command line.
 *
 * @param gateway    the fake gateway's options
 * @param fireEvery  interval of automatic events, or null for none
 * @param fireSid    sub-device of the automatic events
 * @param fireEvent  event name or extra of the automatic events
 * @param readStdin  whether commands such as {@code fire <sid> <event>} are read from standard input
 */
public record MiioSimulatorOptions(FakeGatewayOptions gateway, Duration fireEvery, String fireSid, String fireEvent, boolean readStdin) {
}
