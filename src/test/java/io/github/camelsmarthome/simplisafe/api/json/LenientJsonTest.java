package io.github.camelsmarthome.simplisafe.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsmarthome.simplisafe.api.SimplisafeFixtures;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Reading fields of any shape without throwing. */
class LenientJsonTest {

    private static final JsonNode NODE = SimplisafeFixtures.tree("{\"s\":\"abc\",\"blank\":\" \",\"n\":42,\"big\":1e30,"
            + "\"frac\":1.5,\"whole\":7.0,\"digits\":\" 123 \",\"t\":true,\"tt\":\"TRUE\",\"nil\":null,\"o\":{\"x\":1},"
            + "\"a\":[1,2],\"secs\":1632957286,\"millis\":1632957286123,\"zero\":0,\"neg\":-5,\"iso\":\"2021-09-29T23:14:46.000Z\"}");

    @Test
    void textAcceptsStringsAndNumbers() {
        assertThat(LenientJson.text(NODE, "s")).isEqualTo("abc");
        assertThat(LenientJson.text(NODE, "n")).isEqualTo("42");
        assertThat(LenientJson.text(NODE, "o")).isNull();
        assertThat(LenientJson.text(NODE, "nil")).isNull();
        assertThat(LenientJson.text(NODE, "missing")).isNull();
        assertThat(LenientJson.nonBlankText(NODE, "blank")).isNull();
    }

    @Test
    void numbersAcceptWholeValuesAndDigitStrings() {
        assertThat(LenientJson.longValue(NODE, "n")).isEqualTo(42L);
        assertThat(LenientJson.longValue(NODE, "whole")).isEqualTo(7L);
        assertThat(LenientJson.longValue(NODE, "digits")).isEqualTo(123L);
        assertThat(LenientJson.longValue(NODE, "frac")).isNull();
        assertThat(LenientJson.longValue(NODE, "big")).isNull();
        assertThat(LenientJson.longValue(NODE, "s")).isNull();
        assertThat(LenientJson.intValue(NODE, "millis")).as("beyond int").isNull();
    }

    @Test
    void booleansAcceptBooleansAndTheirNames() {
        assertThat(LenientJson.bool(NODE, "t")).isTrue();
        assertThat(LenientJson.bool(NODE, "tt")).isTrue();
        assertThat(LenientJson.bool(NODE, "n")).isNull();
        assertThat(LenientJson.isTrue(NODE, "missing")).isFalse();
    }

    @Test
    void timesAreSecondsOrMillisecondsAndZeroIsNever() {
        assertThat(LenientJson.epochSeconds(NODE, "secs")).isEqualTo(Instant.parse("2021-09-29T23:14:46Z"));
        assertThat(LenientJson.epochSeconds(NODE, "millis")).isEqualTo(Instant.parse("2021-09-29T23:14:46.123Z"));
        assertThat(LenientJson.epochSeconds(NODE, "zero")).isNull();
        assertThat(LenientJson.epochSeconds(NODE, "neg")).isNull();
        assertThat(LenientJson.epochSeconds(NODE, "big")).isNull();
        assertThat(LenientJson.epochSeconds(NODE, "s")).isNull();
        assertThat(LenientJson.isoInstant(NODE, "iso")).isEqualTo(Instant.parse("2021-09-29T23:14:46Z"));
        assertThat(LenientJson.isoInstant(NODE, "s")).isNull();
    }

    @Test
    void containersDefaultToEmpty() {
        assertThat(LenientJson.object(NODE, "o").get("x").intValue()).isEqualTo(1);
        assertThat(LenientJson.object(NODE, "a").isEmpty()).isTrue();
        assertThat(LenientJson.array(NODE, "a")).hasSize(2);
        assertThat(LenientJson.array(NODE, "o")).isEmpty();
        assertThat(LenientJson.field(null, "x")).isNull();
        assertThat(LenientJson.text(SimplisafeFixtures.tree("[1]"), "x")).isNull();
    }

    @Test
    void withoutFieldsLeavesTheOriginalAlone() {
        JsonNode copy = LenientJson.withoutFields(NODE, "o", "a");

        assertThat(copy.has("o")).isFalse();
        assertThat(copy.has("s")).isTrue();
        assertThat(NODE.has("o")).isTrue();
    }
}
