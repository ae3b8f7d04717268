package io.github.camelkapso.simulator.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.simulator.SimulatorConfig;
import io.github.camelkapso.simulator.state.Stores;
import org.junit.jupiter.api.AfterEach;

/** Webhook tests: local receivers, admin-API injection of customer messages, a clean webhook list per test. */
public abstract class WebhooksTestBase extends SimulatorTestBase {

    protected static final ObjectMapper MAPPER = new ObjectMapper();
    protected static final String PHONE = SimulatorConfig.DEFAULT_PHONE_NUMBER_ID;
    protected static final String SECRET = "wh_sec_3kfj9dmfkg8s2";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final List<WebhookReceiver> receivers = new ArrayList<>();

    protected WebhookReceiver receiver() {
        WebhookReceiver r = WebhookReceiver.start();
        receivers.add(r);
        return r;
    }

    @AfterEach
    void removeWebhooksAndReceivers() {
        simulator.onLoop(() -> {
            simulator.context().state().store(Stores.WEBHOOKS).clear();
            return null;
        });
        receivers.forEach(WebhookReceiver::close);
    }

    /** A number-scoped kapso webhook created through kapso:createWebhook; returns its record. */
    protected static Map<String, Object> numberWebhook(WebhookReceiver receiver, List<String> events, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("url", receiver.url(), "secret_key", SECRET, "events", events));
        body.putAll(extra);
        return data(ok("createWebhook", body, Map.of()));
    }

    /** POSTs to the simulator's admin API and returns status and JSON answer. */
    protected static Answer admin(String path, Map<String, Object> body) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/_sim/" + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body().isEmpty() ? null : MAPPER.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An injected customer text; returns the stored message. */
    protected static JsonNode inboundText(String from, String name, String text) {
        Map<String, Object> body = new HashMap<>(Map.of("from", from, "text", text));
        if (name != null) {
            body.put("name", name);
        }
        Answer a = admin("inbound/text", body);
        if (a.status() != 201) {
            throw new AssertionError("inbound/text answered " + a.status() + ": " + a.json());
        }
        return a.json().get("data");
    }

    public record Answer(int status, JsonNode json) {
    }
}
