package io.github.camelsmarthome.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No shipped code, route or configuration turns certificate or host name verification off: no
 * trust-all option exists, so there is none to document as unsafe (docs/security.md).
 */
class NoTrustAllTest {

    private static final Path PROJECT = Path.of(System.getProperty("camel-smarthome.project.dir", "."));
    private static final List<Pattern> TRUST_ALL = List.of(
            Pattern.compile("setTrustAll\\s*\\(\\s*true"),
            Pattern.compile("trustAll\\s*[:=]\\s*true", Pattern.CASE_INSENSITIVE),
            Pattern.compile("InsecureTrustManagerFactory"),
            Pattern.compile("implements\\s+X509TrustManager"),
            Pattern.compile("setVerifyHost\\s*\\(\\s*false"),
            Pattern.compile("setHttpsHostnameVerificationEnabled\\s*\\(\\s*false"),
            Pattern.compile("HostnameVerifier"),
            Pattern.compile("(sslEndpointAlgorithm|ssl\\.endpoint\\.identification\\.algorithm)\\s*[:=]\\s*(none|\"\"|$)",
                    Pattern.CASE_INSENSITIVE | Pattern.MULTILINE));

    @Test
    void noShippedSourceRouteOrConfigurationTrustsEveryCertificate() throws IOException {
        List<Path> scanned;
        try (Stream<Path> files = Stream.of("src/main", "src/runner", "routes", "config")
                .map(PROJECT::resolve).filter(Files::isDirectory).flatMap(NoTrustAllTest::walk)) {
            scanned = files.filter(Files::isRegularFile).toList();
        }
        assertThat(scanned).as("files scanned").hasSizeGreaterThan(100);
        for (Path file : scanned) {
            String text = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
            for (Pattern pattern : TRUST_ALL) {
                assertThat(pattern.matcher(text).find()).as(PROJECT.relativize(file) + " matches " + pattern).isFalse();
            }
        }
    }

    private static Stream<Path> walk(Path directory) {
        try {
            return Files.walk(directory);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
