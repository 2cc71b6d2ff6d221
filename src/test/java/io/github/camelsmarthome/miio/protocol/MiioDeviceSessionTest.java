package io.github.camelsmarthome.miio.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MiioDeviceSessionTest {

    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(120);

    private final MiioDeviceSession session = new MiioDeviceSession();

    @Test
    void aNewSessionNeedsAHandshakeAndStartsIdsAtOne() {
        assertThat(session.needsHandshake(T0, MiioClientOptions.NEVER_REHANDSHAKE)).isTrue();
        assertThat(session.deviceId()).isEqualTo(-1);
        assertThat(session.nextId()).isEqualTo(1);
        assertThat(session.nextId()).isEqualTo(2);
    }

    @Test
    void idsRestartAtOneWhenTheyReach9999() {
        session.responded(0, 9997, T0);

        assertThat(session.nextId()).isEqualTo(9998);
        assertThat(session.nextId()).isEqualTo(1);
    }

    @Test
    void aTimeoutSkipsOneHundredIdsAndForcesAHandshake() {
        session.handshakeCompleted(123456789L, 1001, T0);
        session.nextId();

        session.requestTimedOut();

        assertThat(session.nextId()).isEqualTo(102);
        assertThat(session.needsHandshake(T0, MiioClientOptions.NEVER_REHANDSHAKE)).isTrue();
    }

    @Test
    void skippingPastTheLimitWrapsToOne() {
        session.responded(0, 9950, T0);

        session.requestTimedOut();

        assertThat(session.nextId()).isEqualTo(1);
    }

    @Test
    void aResponsesIdBecomesTheCounter() {
        session.nextId();

        session.responded(0, 40, T0);

        assertThat(session.nextId()).isEqualTo(41);
    }

    @Test
    void stampIsTheDeviceStampPlusOneRightAfterReceivingIt() {
        session.handshakeCompleted(123456789L, 1001, T0);

        assertThat(session.nextStamp(T0)).isEqualTo(1002);
        assertThat(session.nextStamp(T0.plusMillis(900))).isEqualTo(1002);
    }

    @Test
    void stampAdvancesWithTheSecondsSinceTheDeviceStampArrived() {
        session.handshakeCompleted(123456789L, 1001, T0);

        assertThat(session.nextStamp(T0.plusSeconds(45))).isEqualTo(1046);
    }

    @Test
    void stampWrapsAt32Bits() {
        session.handshakeCompleted(123456789L, 0xFFFFFFFFL, T0);

        assertThat(session.nextStamp(T0)).isZero();
    }

    @Test
    void handshakeIsDueAgainAfterTheIntervalWithoutAnAnswer() {
        session.handshakeCompleted(123456789L, 1001, T0);

        assertThat(session.needsHandshake(T0.plus(INTERVAL).minusSeconds(1), INTERVAL)).isFalse();
        assertThat(session.needsHandshake(T0.plus(INTERVAL), INTERVAL)).isTrue();
    }

    @Test
    void aResponsePostponesTheNextHandshake() {
        session.handshakeCompleted(123456789L, 1001, T0);

        session.responded(1100, 1, T0.plusSeconds(100));

        assertThat(session.needsHandshake(T0.plus(INTERVAL), INTERVAL)).isFalse();
    }

    @Test
    void zeroIntervalHandshakesBeforeEveryRequest() {
        session.handshakeCompleted(123456789L, 1001, T0);

        assertThat(session.needsHandshake(T0, Duration.ZERO)).isTrue();
    }

    @Test
    void neverRehandshakeKeepsTheSessionUntilATimeout() {
        session.handshakeCompleted(123456789L, 1001, T0);

        assertThat(session.needsHandshake(T0.plus(Duration.ofDays(3650)), MiioClientOptions.NEVER_REHANDSHAKE)).isFalse();
    }

    @Test
    void aFailedHandshakeIsTriedAgainNextTime() {
        session.handshakeCompleted(123456789L, 1001, T0);

        session.handshakeFailed();

        assertThat(session.needsHandshake(T0, INTERVAL)).isTrue();
    }
}
