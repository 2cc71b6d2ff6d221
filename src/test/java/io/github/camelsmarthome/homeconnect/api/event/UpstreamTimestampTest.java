package io.github.camelsmarthome.homeconnect.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shapes an item timestamp arrives in (brief 3.4 and 8.5 rule 7). */
class UpstreamTimestampTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "absent", value = {
        "1676897835          | 2023-02-20T12:57:15Z",
        "1676897835.000      | 2023-02-20T12:57:15Z",
        "1676897835.25       | 2023-02-20T12:57:15.250Z",
        "\"1676897835\"      | 2023-02-20T12:57:15Z",
        "1785974400000       | 2026-08-06T00:00:00Z",
        "null                | absent",
        "\"soon\"            | absent",
        "-5                  | absent",
        "true                | absent",
        "{\"seconds\":1}     | absent"})
    void aTimestampIsUnixSecondsInWhateverFormUpstreamWritesIt(String json, String expected) throws Exception {
        JsonNode node = JSON.readTree(json);

        assertThat(UpstreamTimestamp.parse(node)).isEqualTo(expected == null ? null : Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2023-02-20T12:57:15Z, 1676897835", "2023-02-20T12:57:15.250Z, 1676897835.25"})
    void itIsWrittenBackAsUnixSecondsWithoutNeedlessDecimals(String instant, String seconds) {
        assertThat(UpstreamTimestamp.toSeconds(Instant.parse(instant)).toString()).isEqualTo(seconds);
    }
}
