package io.github.camelsmarthome.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import io.github.camelsmarthome.InvalidConfigurationException;

/**
 * How the bridge's Kafka clients authenticate and encrypt: {@code KAFKA_SECURITY_PROTOCOL},
 * {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG}, {@code KAFKA_SSL_TRUSTSTORE_LOCATION}
 * and {@code KAFKA_SSL_TRUSTSTORE_PASSWORD}. {@code application.properties} hands the same values
 * to the Camel Kafka component; this checks them before anything connects (a wrong protocol is one
 * line naming the variable, not a stack trace from the producer) and gives them to the broker
 * health probe, which would otherwise knock on a secured cluster without credentials.
 *
 * <p>Server certificates are always verified, with host name checking (Kafka's default
 * {@code ssl.endpoint.identification.algorithm=https}), which the bundle never changes.
 *
 * @param protocol           {@code PLAINTEXT}, {@code SSL}, {@code SASL_PLAINTEXT} or {@code SASL_SSL}
 * @param saslMechanism      {@code PLAIN}, {@code SCRAM-SHA-256}, ...; {@code null} unless SASL
 * @param saslJaasConfig     the JAAS line with the credentials; never printed
 * @param truststoreLocation a truststore for a private CA, or {@code null} for the JVM's
 * @param truststorePassword its password, or {@code null}; never printed
 */
public record KafkaClientSecurity(String protocol, String saslMechanism, String saslJaasConfig, String truststoreLocation,
        String truststorePassword) {

    private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");

    /**
     * Checks the settings as the user gave them; blank means unset.
     *
     * @throws InvalidConfigurationException naming the variable that cannot work
     */
    public static KafkaClientSecurity of(String protocol, String saslMechanism, String saslJaasConfig, String truststoreLocation,
            String truststorePassword) {
        String chosen = blankToNull(protocol) == null ? "PLAINTEXT" : protocol.trim().toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(chosen)) {
            throw new InvalidConfigurationException("KAFKA_SECURITY_PROTOCOL", "'" + protocol.trim()
                    + "' is not a Kafka security protocol: use PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL");
        }
        boolean sasl = chosen.startsWith("SASL_");
        String jaas = blankToNull(saslJaasConfig);
        String mechanism = blankToNull(saslMechanism);
        if (sasl && jaas == null) {
            throw new InvalidConfigurationException("KAFKA_SASL_JAAS_CONFIG", "is empty but KAFKA_SECURITY_PROTOCOL is " + chosen
                    + ": set it, for example org.apache.kafka.common.security.scram.ScramLoginModule required username=\"...\" password=\"...\";");
        }
        if (!sasl && (jaas != null || mechanism != null)) {
            throw new InvalidConfigurationException(jaas != null ? "KAFKA_SASL_JAAS_CONFIG" : "KAFKA_SASL_MECHANISM",
                    "is set but KAFKA_SECURITY_PROTOCOL is " + chosen + ", which does not use SASL: use SASL_SSL (or SASL_PLAINTEXT)");
        }
        String truststore = blankToNull(truststoreLocation);
        if (truststore != null && !Files.isReadable(Path.of(truststore.trim()))) {
            throw new InvalidConfigurationException("KAFKA_SSL_TRUSTSTORE_LOCATION", "cannot read " + truststore.trim()
                    + ": mount the truststore there or unset the variable to use the JVM's trusted CAs");
        }
        return new KafkaClientSecurity(chosen, sasl ? (mechanism == null ? "GSSAPI" : mechanism.trim()) : null, jaas,
                truststore == null ? null : truststore.trim(), blankToNull(truststorePassword));
    }

    /** The Kafka client properties these settings stand for (nothing for plain PLAINTEXT). */
    public Properties clientProperties() {
        Properties properties = new Properties();
        properties.put("security.protocol", protocol);
        if (saslMechanism != null) {
            properties.put("sasl.mechanism", saslMechanism);
            properties.put("sasl.jaas.config", saslJaasConfig);
        }
        if (truststoreLocation != null) {
            properties.put("ssl.truststore.location", truststoreLocation);
        }
        if (truststorePassword != null) {
            properties.put("ssl.truststore.password", truststorePassword);
        }
        return properties;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Without the JAAS line and the truststore password. */
    @Override
    public String toString() {
        return "KafkaClientSecurity[protocol=" + protocol + ", saslMechanism=" + saslMechanism + ", saslJaasConfig="
               + (saslJaasConfig == null ? "none" : "***") + ", truststoreLocation=" + truststoreLocation + ", truststorePassword="
               + (truststorePassword == null ? "none" : "***") + "]";
    }
}
