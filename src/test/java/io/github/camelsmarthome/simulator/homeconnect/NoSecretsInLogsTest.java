package io.github.camelsmarthome.simulator.homeconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Design rule 8: no token, code or secret in a log line, whatever flow ran. */
class NoSecretsInLogsTest {

    private static final String PACKAGE = "io.github.camelsmarthome.simulator.homeconnect";

    private final StringWriter captured = new StringWriter();
    private WriterAppender appender;
    private HomeConnectSimulator cloud;

    @BeforeEach
    void captureLogs() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        appender = WriterAppender.newBuilder().setName("no-secrets-capture").setTarget(captured)
                .setLayout(PatternLayout.newBuilder().withPattern("%m %ex%n").build()).build();
        appender.start();
        LoggerConfig logger = LoggerConfig.newBuilder().withLoggerName(PACKAGE).withLevel(Level.ALL).withAdditivity(false)
                .withConfig(config).build();
        logger.addAppender(appender, Level.ALL, null);
        config.addLogger(PACKAGE, logger);
        context.updateLoggers();
        cloud = HomeConnectSimulator.start(SimulatorOptions.forTests().build());
    }

    @AfterEach
    void stopCapturing() {
        cloud.close();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().removeLogger(PACKAGE);
        context.updateLoggers();
        appender.stop();
    }

    @Test
    void deviceFlowCodeFlowAndRefreshLogNoSecrets() {
        SimulatorHttp http = new SimulatorHttp(cloud);
        JsonNode started = SimulatorHttp.json(http.postForm("/security/oauth/device_authorization", Map.of("client_id", cloud.clientId())));
        cloud.approveDeviceCode(started.path("user_code").asText());
        JsonNode deviceTokens = SimulatorHttp.json(http.postForm("/security/oauth/token", Map.of("grant_type", "device_code",
                "device_code", started.path("device_code").asText(), "client_id", cloud.clientId())));
        JsonNode refreshed = SimulatorHttp.json(http.postForm("/security/oauth/token", Map.of("grant_type", "refresh_token",
                "refresh_token", deviceTokens.path("refresh_token").asText())));

        String location = http.send(HttpRequest.newBuilder(http.uri("/security/oauth/authorize?client_id=" + cloud.clientId()
                + "&response_type=code&user=me")).GET().build()).headers().firstValue("Location").orElseThrow();
        String code = location.substring(location.indexOf("code=") + 5);
        JsonNode codeTokens = SimulatorHttp.json(http.postForm("/security/oauth/token", Map.of("grant_type", "authorization_code",
                "code", code, "client_id", cloud.clientId(), "client_secret", cloud.clientSecret(), "redirect_uri", cloud.redirectUri())));
        http.get("/api/homeappliances", codeTokens.path("access_token").asText());

        String log = captured.toString();
        assertThat(log).as("the flows were logged at all").contains("issued tokens");
        assertThat(log).doesNotContain(started.path("device_code").asText(), started.path("user_code").asText(),
                deviceTokens.path("access_token").asText(), deviceTokens.path("refresh_token").asText(),
                refreshed.path("access_token").asText(), refreshed.path("refresh_token").asText(), code,
                codeTokens.path("access_token").asText(), cloud.clientSecret(), cloud.clientId());
    }
}
