package io.github.camelsmarthome.simplisafe.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Resolving the URI templates of media links (brief 6.6). */
class MediaUrlsTest {

    @Test
    void widthIsFilledInAndOtherExpressionsRemoved() {
        assertThat(MediaUrls.resolve("https://image-url{&width}", 720)).isEqualTo("https://image-url&width=720");
        assertThat(MediaUrls.resolve("https://clip-url{&token}", 720)).isEqualTo("https://clip-url");
        assertThat(MediaUrls.resolve(
                "https://remix.us-east-1.prd.cam.simplisafe.com/v1/snapshot/u/12345/time/1?account=1&region=us-east-1{&width}",
                MediaUrls.DEFAULT_WIDTH))
                .isEqualTo("https://remix.us-east-1.prd.cam.simplisafe.com/v1/snapshot/u/12345/time/1?account=1&region=us-east-1&width=720");
        assertThat(MediaUrls.resolve("https://p?account=1{&fps,width}", 1280)).isEqualTo("https://p?account=1");
    }

    @Test
    void aUrlWithoutTemplateStaysAsItIs() {
        assertThat(MediaUrls.resolve("https://clip-url", 720)).isEqualTo("https://clip-url");
        assertThat(MediaUrls.resolve("https://x/$1\\", 720)).isEqualTo("https://x/$1\\");
        assertThat(MediaUrls.resolve(null, 720)).isNull();
    }
}
