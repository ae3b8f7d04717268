package io.github.camelkapso.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.messaging.Messaging;
import io.github.camelkapso.simulator.support.WebhookReceiver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Per-conversation ordering, on a simulator of its own with a time factor that leaves the 30 s hold (900 ms here)
 * well clear of the first retry (300 ms), and a warmed-up connection.
 */
class WebhooksOrderingTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void laterMessageWaitsUntilTheEarlierOneIsDelivered() throws Exception {
        try (KapsoSimulator simulator = KapsoSimulator.start(SimulatorConfig.defaults().withTimeFactor(0.03));
             WebhookReceiver receiver = WebhookReceiver.start()) {
            ObjectNode webhook = MAPPER.createObjectNode();
            webhook.putObject("whatsapp_webhook").put("url", receiver.url()).put("secret_key", "s3cret")
                    .putArray("events").add("whatsapp.message.received");
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                    + "/platform/v1/whatsapp/phone_numbers/" + SimulatorConfig.DEFAULT_PHONE_NUMBER_ID + "/webhooks"))
                    .header("X-API-Key", SimulatorConfig.DEFAULT_API_KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(webhook.toString())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);

            simulator.onLoop(() -> receive(simulator, "warm-up"));
            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.all().size() == 1);
            receiver.answer(500);

            simulator.onLoop(() -> {
                for (String text : List.of("first", "second")) {
                    receive(simulator, text);
                }
                return null;
            });

            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.all().size() == 4);
            assertThat(receiver.all()).extracting(r -> r.json().path("message").path("text").path("body").asText())
                    .containsExactly("warm-up", "first", "first", "second");
        }
    }

    private static ObjectNode receive(KapsoSimulator simulator, String text) {
        ObjectNode content = MAPPER.createObjectNode().put("type", "text");
        content.putObject("text").put("body", text);
        return Messaging.of(simulator.context()).receive(SimulatorConfig.DEFAULT_PHONE_NUMBER_ID, "+15550100601", null, content);
    }
}
