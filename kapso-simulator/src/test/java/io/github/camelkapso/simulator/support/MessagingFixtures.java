package io.github.camelkapso.simulator.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.KapsoSimulator;
import io.github.camelkapso.simulator.SimulatorConfig;
import io.github.camelkapso.simulator.messaging.Messaging;

/** Message bodies and simulated customer traffic for the messaging tests. */
public final class MessagingFixtures {

    public static final String PHONE_NUMBER_ID = SimulatorConfig.DEFAULT_PHONE_NUMBER_ID;

    private MessagingFixtures() {
    }

    /** A customer writes to the seeded number; returns the stored inbound message. */
    public static ObjectNode inbound(KapsoSimulator simulator, String from, String profileName, String text) {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("type", "text");
        content.putObject("text").put("body", text);
        return simulator.onLoop(() -> Messaging.of(simulator.context()).receive(PHONE_NUMBER_ID, from, profileName, content).deepCopy());
    }

    public static Map<String, Object> text(String to, String body) {
        return Map.of("messaging_product", "whatsapp", "to", to, "type", "text", "text", Map.of("body", body));
    }

    public static Map<String, Object> orderUpdate(String to, String... params) {
        List<Map<String, Object>> parameters = java.util.Arrays.stream(params)
                .map(p -> Map.<String, Object>of("type", "text", "text", p)).toList();
        return Map.of("messaging_product", "whatsapp", "to", to, "type", "template",
                "template", Map.of("name", "order_update", "language", Map.of("code", "en_US"),
                        "components", List.of(Map.of("type", "body", "parameters", parameters))));
    }

    /** Calls a simulator admin route; returns the status code. */
    public static int admin(KapsoSimulator simulator, String method, String path, String json) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/_sim/" + path))
                    .header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                    .build();
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
