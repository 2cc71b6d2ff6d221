package io.github.camelsmarthome.miio.protocol;

import java.net.DatagramSocket;
import java.net.InetAddress;

import io.github.camelsmarthome.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Which address the scenes name as the push server's. */
class AdvertisedAddressTest {

    private static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @Test
    void anOverrideWinsOverTheBindAddressAndDetection() throws Exception {
        assertThat(AdvertisedAddress.resolve("192.168.1.50", ip("127.0.0.1"), ip("127.0.0.1"), 54321))
                .isEqualTo(ip("192.168.1.50"));
    }

    @Test
    void aSpecificBindAddressIsTheAdvertisedOne() throws Exception {
        assertThat(AdvertisedAddress.resolve(null, ip("127.0.0.3"), ip("127.0.0.1"), 54321)).isEqualTo(ip("127.0.0.3"));
    }

    @Test
    void theWildcardBindAddressIsReplacedByTheLocalAddressOfTheRouteToTheGateway() throws Exception {
        assertThat(AdvertisedAddress.resolve(" ", ip("0.0.0.0"), ip("127.0.0.1"), 54321)).isEqualTo(ip("127.0.0.1"));
    }

    @Test
    void detectionNeitherBindsNorNeedsTheMiioPort() throws Exception {
        // The push server's port is taken by this socket: detection must not try to bind it.
        try (DatagramSocket pushServer = new DatagramSocket(0, ip("127.0.0.1"))) {
            assertThat(AdvertisedAddress.detect(ip("127.0.0.1"), pushServer.getLocalPort())).isEqualTo(ip("127.0.0.1"));
        }
    }

    @Test
    void theWildcardAsOverrideIsRefusedNamingTheOption() throws Exception {
        InvalidConfigurationException failure = catchThrowableOfType(
                () -> AdvertisedAddress.resolve("0.0.0.0", ip("0.0.0.0"), ip("127.0.0.1"), 54321),
                InvalidConfigurationException.class);

        assertThat(failure.getMessage()).isEqualTo("advertisedAddress: '0.0.0.0' is the wildcard address; give the address"
                + " of this host as the gateway reaches it");
    }
}
