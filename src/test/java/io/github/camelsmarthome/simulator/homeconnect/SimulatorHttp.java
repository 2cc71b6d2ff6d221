package io.github.camelsmarthome.simulator.homeconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plain {@link HttpClient} calls against a running simulator, deliberately independent of the
 * bundle's own Home Connect client: the fake is tested against the brief, not against its user.
 */
final class SimulatorHttp {

    static final String BSH_JSON = "application/vnd.bsh.sdk.v1+json";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final HomeConnectSimulator cloud;

    SimulatorHttp(HomeConnectSimulator cloud) {
        this.cloud = cloud;
    }

    HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET().header("Accept", BSH_JSON).build());
    }

    HttpResponse<String> getAccepting(String path, String token, String accept) {
        return send(request(path, token).GET().header("Accept", accept).build());
    }

    HttpResponse<String> put(String path, String token, String body) {
        return send(request(path, token).header("Accept", BSH_JSON).header("Content-Type", BSH_JSON)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> putWithContentType(String path, String token, String body, String contentType) {
        return send(request(path, token).header("Accept", BSH_JSON).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> delete(String path, String token) {
        return send(request(path, token).header("Accept", BSH_JSON).DELETE().build());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form) {
        return postForm(path, form, "application/x-www-form-urlencoded");
    }

    HttpResponse<String> postForm(String path, Map<String, String> form, String contentType) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    URI uri(String path) {
        return URI.create(cloud.baseUrl() + path);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + response.body(), e);
        }
    }

    static JsonNode fixture(String name) {
        try (var in = SimulatorHttp.class.getResourceAsStream("/simulator/homeconnect/ha-core/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
