package io.github.camelsmarthome.simulator.simplisafe;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh simulator per test, an HTTP helper on it and a live access token: given a fake cloud in
 * a known state, each test states one behaviour.
 */
abstract class SimpliSafeTestSupport {

    /** The fixture system's serials used across tests. */
    static final String FRONT_DOOR = "14";
    static final String PATIO_DOOR_INSTANT = "185";
    static final String UPSTAIRS_MOTION = "785";
    static final String FRONT_DOOR_LOCK = "987";
    static final String BACK_DOOR_LOCK_JAMMED = "654";
    static final String SMOKE_DETECTOR = "93";
    static final long SID = 12345;
    static final long USER_ID = 12345;

    protected SimpliSafeSimulator cloud;
    protected SimpliSafeHttp http;
    protected String token;

    /** The options of the simulator; {@link SimpliSafeSimulatorOptions#forTests()} unless a class needs others. */
    protected SimpliSafeSimulatorOptions options() {
        return SimpliSafeSimulatorOptions.forTests().build();
    }

    @BeforeEach
    void startCloud() {
        cloud = SimpliSafeSimulator.start(options());
        http = new SimpliSafeHttp(cloud);
        token = cloud.auth().issueTokens().accessToken();
    }

    @AfterEach
    void stopCloud() {
        cloud.close();
    }

    String v3(String rest) {
        return "/ss3/subscriptions/" + SID + rest;
    }
}
