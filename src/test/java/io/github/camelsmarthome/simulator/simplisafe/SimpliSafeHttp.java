package io.github.camelsmarthome.simulator.simplisafe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Plain {@link HttpClient} calls against a running simulator, written from the brief and
 * deliberately independent of the bundle's SimpliSafe client: the fake is tested against the
 * protocol, not against its user.
 */
final class SimpliSafeHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String USER_AGENT = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.0 Safari/605.1.15";
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final SimpliSafeSimulator cloud;

    SimpliSafeHttp(SimpliSafeSimulator cloud) {
        this.cloud = cloud;
    }

    /** GET {@code <apiUrl><path>}, e.g. {@code "/api/authCheck"}. */
    HttpResponse<String> get(String path, String token) {
        return send(request(URI.create(cloud.apiUrl() + path), token).GET().build());
    }

    /** POST {@code <apiUrl><path>} with a JSON body, or none when {@code json} is null. */
    HttpResponse<String> post(String path, String token, String json) {
        return send(request(URI.create(cloud.apiUrl() + path), token)
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> delete(String path, String token) {
        return send(request(URI.create(cloud.apiUrl() + path), token).DELETE().build());
    }

    /** GET an absolute URL (media links). */
    HttpResponse<String> getUrl(String url, String token) {
        return send(request(URI.create(url), token).GET().build());
    }

    /** POST {@code <authUrl>/oauth/token} with a JSON body, as simplipy does. */
    HttpResponse<String> token(Map<String, String> params) {
        ObjectNode body = JSON.createObjectNode();
        params.forEach(body::put);
        return send(HttpRequest.newBuilder(URI.create(cloud.authUrl() + "/oauth/token")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8").header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    HttpResponse<String> refresh(String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "client_id", MobileAppClient.CLIENT_ID, "refresh_token", refreshToken));
    }

    HttpRequest.Builder request(URI uri, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8").header("User-Agent", USER_AGENT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + text, e);
        }
    }

    /** A simplisafe-python fixture (bachya/simplisafe-python, tests/fixtures, MIT) from the classpath. */
    static JsonNode fixture(String name) {
        try {
            return JSON.readTree(fixtureBytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] fixtureBytes(String name) {
        try (InputStream in = SimpliSafeHttp.class.getResourceAsStream("/simulator/simplisafe/simplisafe-python/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
