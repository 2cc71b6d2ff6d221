package io.github.camelsmarthome.hostile;

import io.github.camelsmarthome.homeconnect.api.event.HomeConnectStreamDecoder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Home Connect event-stream decoder (SSE framing, then the event JSON) against generated hostile
 * streams (design 8, issue 7): random bytes, and well-framed events whose data is damaged JSON, fed
 * in arbitrary chunks. It answers outcomes and never throws.
 */
class HomeConnectHostileInputTest {

    @Provide
    Arbitrary<byte[]> bytes() {
        return HostileInputs.bytes(4096);
    }

    @Provide
    Arbitrary<String> frames() {
        Arbitrary<String> event = Arbitraries.of("STATUS", "EVENT", "NOTIFY", "KEEP-ALIVE", "CONNECTED", "DISCONNECTED", "PAIRED",
                "DEPAIRED", "UNKNOWN", "");
        Arbitrary<String> data = HostileInputs.damagedJson();
        Arbitrary<String> frame = net.jqwik.api.Combinators.combine(event, data, HostileInputs.text())
                .as((type, json, id) -> "event: " + type + "\ndata: " + json + "\nid: " + id + "\n\n");
        return frame.list().ofMaxSize(5).map(list -> String.join("", list));
    }

    @Property
    void randomBytesNeverThrow(@ForAll("bytes") byte[] stream) {
        HomeConnectStreamDecoder decoder = HomeConnectStreamDecoder.forAllAppliances();
        assertThat(decoder.decode(stream)).isNotNull();
    }

    @Property
    void framedEventsWithHostileDataNeverThrowWhateverTheChunking(@ForAll("frames") String stream,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 64) int chunk) {
        HomeConnectStreamDecoder decoder = HomeConnectStreamDecoder.forAllAppliances();
        byte[] bytes = HostileInputs.utf8(stream);
        for (int offset = 0; offset < bytes.length; offset += chunk) {
            assertThat(decoder.decode(bytes, offset, Math.min(chunk, bytes.length - offset))).isNotNull();
        }
    }
}
