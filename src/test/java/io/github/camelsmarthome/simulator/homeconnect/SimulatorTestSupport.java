package io.github.camelsmarthome.simulator.homeconnect;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh simulator per test, an HTTP helper on it, and a token with {@link #scope()}: given a
 * fake cloud in a known state, each test states one behaviour.
 */
abstract class SimulatorTestSupport {

    protected HomeConnectSimulator cloud;
    protected SimulatorHttp http;
    protected String token;

    /** The options of the simulator; {@link SimulatorOptions#forTests()} unless a class needs others. */
    protected SimulatorOptions options() {
        return SimulatorOptions.forTests().build();
    }

    /** The scopes of {@link #token}. */
    protected String scope() {
        return SimulatorOptions.DEFAULT_SCOPE;
    }

    @BeforeEach
    void startCloud() {
        cloud = HomeConnectSimulator.start(options());
        http = new SimulatorHttp(cloud);
        token = cloud.authorization().issueTokens(scope()).accessToken();
    }

    @AfterEach
    void stopCloud() {
        cloud.close();
    }
}
