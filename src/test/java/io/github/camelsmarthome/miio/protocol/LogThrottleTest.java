package io.github.camelsmarthome.miio.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelsmarthome.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LogThrottle throttle = new LogThrottle(clock, Duration.ofSeconds(60));

    @Test
    void theFirstLineIsWritten() {
        assertThat(throttle.tryAcquire()).isZero();
    }

    @Test
    void linesWithinTheIntervalAreSkippedAndCountedInTheNextLine() {
        throttle.tryAcquire();

        assertThat(throttle.tryAcquire()).isEqualTo(-1);
        assertThat(throttle.tryAcquire()).isEqualTo(-1);
        clock.advance(Duration.ofSeconds(60));

        assertThat(throttle.tryAcquire()).isEqualTo(2);
        assertThat(throttle.tryAcquire()).isEqualTo(-1);
    }
}
