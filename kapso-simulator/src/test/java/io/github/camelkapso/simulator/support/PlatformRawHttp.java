package io.github.camelkapso.simulator.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.simulator.KapsoSimulator;

/**
 * Plain HTTP calls to the simulator's Platform API, for the rules the kapso component already enforces before any
 * request leaves (it would never let the simulator see them) and for response headers.
 */
public final class PlatformRawHttp {

    /** An answer: status, headers, body as JSON (empty object when there is none). */
    public record Answer(int status, Map<String, java.util.List<String>> headers, JsonNode json) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PlatformRawHttp() {
    }

    /**
     * @param path    below /platform/v1, e.g. /whatsapp/broadcasts/ID/recipients
     * @param body    JSON text or null
     * @param headers extra headers (name, value, name, value...)
     */
    public static Answer call(KapsoSimulator simulator, String method, String path, String body, String... headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/platform/v1" + path))
                    .timeout(Duration.ofSeconds(10))
                    .header("X-API-Key", simulator.config().apiKey())
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> response = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body() == null || response.body().isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(response.body());
            return new Answer(response.statusCode(), response.headers().map(), json);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }
}
