package io.github.camelsmarthome.miio;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelsmarthome.miio.protocol.MiioToken;
import io.github.camelsmarthome.miio.protocol.SceneTargetToken;
import io.github.camelsmarthome.testing.CapturedLogs;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Design section 8: the gateway token (nor its encrypted form in the scenes) appears in no log
 * line, at any level of any logger, through a whole cycle: start and subscribe, an event, a
 * command, subscribe and unsubscribe by the producer, stop and unsubscribe.
 */
class MiioPushSecretsTest extends MiioPushComponentTestSupport {

    @Test
    void aWholeSubscribeFireUnsubscribeCycleLogsNeitherTheTokenNorItsEncryptedForm() throws Exception {
        String tokenEnc = SceneTargetToken.forGateway(MiioToken.fromHex(TOKEN));
        try (CapturedLogs everything = CapturedLogs.capture("")) {
            startCamel(switchRoute());
            awaitHealthy();
            gateway.fire(SWITCH, "click_ch0").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            await().atMost(TIMEOUT).until(() -> received("click_ch0").size() == 1);
            context.createProducerTemplate().requestBodyAndHeader("direct:gateway", null, MiioPushConstants.METHOD, "miIO.info");
            context.createProducerTemplate().requestBodyAndHeaders("direct:gateway", null, Map.of(
                    MiioPushConstants.OPERATION, "subscribe", MiioPushConstants.DEVICE_ID, String.valueOf(gateway.did()),
                    MiioPushConstants.MODEL, "lumi.gateway.v3", MiioPushConstants.ACTION, "alarm_triggering"));
            context.createProducerTemplate().requestBodyAndHeaders("direct:gateway", null, Map.of(
                    MiioPushConstants.OPERATION, "unsubscribe", MiioPushConstants.DEVICE_ID, String.valueOf(gateway.did()),
                    MiioPushConstants.ACTION, "alarm_triggering"));
            context.stop();
            assertThat(gateway.scenes()).isEmpty();

            String logged = everything.allText();
            assertThat(everything.atLevel(Level.TRACE)).as("TRACE lines were captured").isNotEmpty();
            assertThat(logged).contains("scene(s) deleted");
            assertThat(logged.toLowerCase(Locale.ROOT)).as("the gateway token").doesNotContain(TOKEN);
            assertThat(logged.toLowerCase(Locale.ROOT)).as("the encrypted token of the scenes").doesNotContain(tokenEnc);
        }
    }
}
