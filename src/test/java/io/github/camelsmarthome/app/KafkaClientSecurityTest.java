package io.github.camelsmarthome.app;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.camelsmarthome.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaClientSecurityTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"bridge\" "
                                       + "password=\"kafka-Secret-42\";";

    @TempDir
    Path dir;

    @Test
    void unsetMeansPlaintextWithNothingElse() {
        KafkaClientSecurity security = KafkaClientSecurity.of("", null, "", null, null);

        assertThat(security.clientProperties()).containsOnlyKeys("security.protocol").containsEntry("security.protocol", "PLAINTEXT");
    }

    @Test
    void saslOverTlsReachesTheClientPropertiesWithATruststore() throws Exception {
        Path truststore = Files.createFile(dir.resolve("truststore.p12"));

        KafkaClientSecurity security = KafkaClientSecurity.of("sasl_ssl", "SCRAM-SHA-512", JAAS, truststore.toString(), "store-Secret-7");

        assertThat(security.clientProperties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.truststore.location", truststore.toString())
                .containsEntry("ssl.truststore.password", "store-Secret-7")
                .doesNotContainKey("ssl.endpoint.identification.algorithm");
    }

    @Test
    void anUnknownProtocolIsOneConfigurationErrorNamingTheVariable() {
        assertThatThrownBy(() -> KafkaClientSecurity.of("TLS", null, null, null, null))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("KAFKA_SECURITY_PROTOCOL: 'TLS' is not a Kafka security protocol");
    }

    @Test
    void saslWithoutCredentialsOrCredentialsWithoutSaslAreRefused() {
        assertThatThrownBy(() -> KafkaClientSecurity.of("SASL_SSL", "PLAIN", "", null, null))
                .hasMessageStartingWith("KAFKA_SASL_JAAS_CONFIG: is empty");
        assertThatThrownBy(() -> KafkaClientSecurity.of("SSL", null, JAAS, null, null))
                .hasMessageStartingWith("KAFKA_SASL_JAAS_CONFIG: is set but KAFKA_SECURITY_PROTOCOL is SSL")
                .hasMessageNotContaining("kafka-Secret-42");
    }

    @Test
    void aMissingTruststoreIsRefusedBeforeAnythingConnects() {
        assertThatThrownBy(() -> KafkaClientSecurity.of("SSL", null, null, dir.resolve("absent.p12").toString(), "x"))
                .hasMessageStartingWith("KAFKA_SSL_TRUSTSTORE_LOCATION: cannot read");
    }

    @Test
    void theRunnerStopsAtABadProtocolBeforeAnythingConnects() {
        assertThatThrownBy(() -> io.github.camelsmarthome.testing.RunnerMain.start(java.util.Map.of(
                "camel.main.routesIncludePattern", "file:" + io.github.camelsmarthome.testing.RunnerMain.ROUTES.resolve("bridge.yaml"),
                "smarthome.kafka.brokers", "127.0.0.1:9",
                "camel.component.kafka.securityProtocol", "TLS")).stop())
                .isInstanceOf(InvalidConfigurationException.class).hasMessageStartingWith("KAFKA_SECURITY_PROTOCOL: 'TLS'");
    }

    @Test
    void theCredentialsNeverAppearInToString() {
        KafkaClientSecurity security = KafkaClientSecurity.of("SASL_PLAINTEXT", "PLAIN", JAAS, null, "store-Secret-7");

        assertThat(security.toString()).doesNotContain("kafka-Secret-42").doesNotContain("store-Secret-7").contains("SASL_PLAINTEXT");
    }
}
