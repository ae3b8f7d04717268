package io.github.camelkapso.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.messaging.Messaging;
import io.github.camelkapso.simulator.support.WebhookReceiver;
import io.github.camelkapso.simulator.support.WebhookReceiver.Received;
import io.github.camelkapso.simulator.support.WebhooksTestBase;
import io.github.camelkapso.simulator.webhooks.Signatures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WebhooksDeliveryTest extends WebhooksTestBase {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void inboundTextArrivesSignedOverTheExactBytesWithEveryHeader() {
        WebhookReceiver receiver = receiver();
        numberWebhook(receiver, List.of("whatsapp.message.received", "whatsapp.conversation.created"),
                Map.of("headers", Map.of("X-Tenant", "acme")));

        JsonNode stored = inboundText("+15550100401", "Ana Souza", "Olá, tudo bem? ✓");

        await().atMost(WAIT).until(() -> receiver.withEvent("whatsapp.message.received").size() == 1);
        Received r = receiver.withEvent("whatsapp.message.received").get(0);
        assertThat(r.header("X-Webhook-Signature")).isEqualTo(WebhookReceiver.hmac(SECRET, r.body())).matches("[0-9a-f]{64}");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("X-Idempotency-Key")).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(r.header("X-Webhook-Payload-Version")).isEqualTo("v2");
        assertThat(r.header("X-Tenant")).isEqualTo("acme");
        assertThat(r.header("X-Webhook-Batch")).isNull();

        JsonNode body = r.json();
        assertThat(body.path("phone_number_id").asText()).isEqualTo(PHONE);
        assertThat(body.path("is_new_conversation").asBoolean()).isTrue();
        assertThat(body.path("message").path("id").asText()).isEqualTo(stored.path("id").asText()).startsWith("wamid.");
        assertThat(body.path("message").path("text").path("body").asText()).isEqualTo("Olá, tudo bem? ✓");
        assertThat(body.path("message").path("kapso").path("direction").asText()).isEqualTo("inbound");
        assertThat(body.path("conversation").path("phone_number_id").asText()).isEqualTo(PHONE);
        assertThat(body.path("conversation").path("kapso").path("contact_name").asText()).isEqualTo("Ana Souza");

        await().atMost(WAIT).until(() -> receiver.withEvent("whatsapp.conversation.created").size() == 1);
        assertThat(receiver.withEvent("whatsapp.conversation.created").get(0).json().path("conversation").path("id").asText())
                .isEqualTo(body.path("conversation").path("id").asText());
    }

    @Test
    void sentMessageReportsSentDeliveredRead() {
        WebhookReceiver receiver = receiver();
        numberWebhook(receiver, List.of("whatsapp.message.sent", "whatsapp.message.delivered", "whatsapp.message.read"), Map.of());
        inboundText("+15550100402", "Ben Carter", "hello");
        String wamid = simulator.onLoop(() -> {
            ObjectNode request = MAPPER.createObjectNode().put("messaging_product", "whatsapp").put("to", "+15550100402").put("type", "text");
            request.putObject("text").put("body", "On my way");
            return Messaging.of(simulator.context()).send(PHONE, request).path("id").asText();
        });

        await().atMost(WAIT).until(() -> receiver.all().size() == 3);
        assertThat(receiver.all()).extracting(Received::event).containsExactlyInAnyOrder(
                "whatsapp.message.sent", "whatsapp.message.delivered", "whatsapp.message.read");
        JsonNode read = receiver.withEvent("whatsapp.message.read").get(0).json();
        assertThat(read.path("message").path("id").asText()).isEqualTo(wamid);
        assertThat(read.path("message").path("kapso").path("status").asText()).isEqualTo("read");
        assertThat(read.path("message").path("kapso").path("statuses")).extracting(s -> s.path("status").asText())
                .containsExactly("sent", "delivered", "read");
    }

    @Test
    void failedAttemptsAreRetriedWithTheSameIdempotencyKey() {
        WebhookReceiver receiver = receiver().answer(500, 500);
        String id = (String) numberWebhook(receiver, List.of("whatsapp.message.received"), Map.of()).get("id");

        inboundText("+15550100403", null, "retry me");

        await().atMost(WAIT).until(() -> deliveryOf(id).path("status").asText().equals("delivered"));
        assertThat(receiver.all()).hasSize(3);
        assertThat(receiver.all()).extracting(r -> r.header("X-Idempotency-Key")).containsOnly(receiver.all().get(0).header("X-Idempotency-Key"));
        assertThat(receiver.all()).extracting(r -> new String(r.body())).containsOnly(new String(receiver.all().get(0).body()));
        JsonNode record = deliveryOf(id);
        assertThat(record.path("attempt_count").asInt()).isEqualTo(3);
        assertThat(record.path("response_status").asInt()).isEqualTo(200);
        assertThat(record.path("idempotency_key").asText()).isEqualTo(receiver.all().get(0).header("X-Idempotency-Key"));
        assertThat(record.path("delivered_at").isNull()).isFalse();
    }

    @Test
    void deliveryFailsAfterThreeRetries() {
        WebhookReceiver receiver = receiver().answer(503, 503, 503, 503);
        String id = (String) numberWebhook(receiver, List.of("whatsapp.message.received"), Map.of()).get("id");
        inboundText("+15550100404", null, "never acknowledged");

        await().atMost(WAIT).until(() -> deliveryOf(id).path("status").asText().equals("failed"));
        JsonNode record = deliveryOf(id);
        assertThat(record.path("attempt_count").asInt()).isEqualTo(4);
        assertThat(record.path("response_status").asInt()).isEqualTo(503);
        assertThat(record.path("error").asText()).contains("503");
        assertThat(receiver.all()).hasSize(4);
    }

    @Test
    void bufferedMessagesArriveAsBatches() {
        WebhookReceiver receiver = receiver();
        numberWebhook(receiver, List.of("whatsapp.message.received"), Map.of("buffer_enabled", true, "buffer_window_seconds", 60,
                "max_buffer_size", 2, "buffer_events", List.of("whatsapp.message.received")));

        simulator.onLoop(() -> {
            Messaging messaging = Messaging.of(simulator.context());
            for (String text : List.of("one", "two", "three")) {
                ObjectNode content = MAPPER.createObjectNode().put("type", "text");
                content.putObject("text").put("body", text);
                messaging.receive(PHONE, "+15550100405", "Chloé Martin", content);
            }
            return null;
        });

        await().atMost(WAIT).until(() -> receiver.all().size() == 2);
        Received first = receiver.all().stream().filter(r -> "2".equals(r.header("X-Batch-Size"))).findFirst().orElseThrow();
        Received second = receiver.all().stream().filter(r -> "1".equals(r.header("X-Batch-Size"))).findFirst().orElseThrow();
        assertThat(first.header("X-Webhook-Batch")).isEqualTo("true");
        assertThat(first.header("X-Webhook-Event")).isEqualTo("whatsapp.message.received");
        assertThat(first.header("X-Webhook-Signature")).isEqualTo(WebhookReceiver.hmac(SECRET, first.body()));
        JsonNode batch = first.json();
        assertThat(batch.path("type").asText()).isEqualTo("whatsapp.message.received");
        assertThat(batch.path("batch").asBoolean()).isTrue();
        assertThat(batch.path("data")).extracting(d -> d.path("message").path("text").path("body").asText()).containsExactly("one", "two");
        JsonNode info = batch.path("batch_info");
        assertThat(info.path("size").asInt()).isEqualTo(2);
        assertThat(info.path("window_ms").asInt()).isEqualTo(60_000);
        assertThat(info.path("first_sequence").asInt()).isEqualTo(1);
        assertThat(info.path("last_sequence").asInt()).isEqualTo(2);
        assertThat(info.path("conversation_id").asText()).isEqualTo(batch.path("data").path(0).path("conversation").path("id").asText());
        JsonNode rest = second.json();
        assertThat(rest.path("data")).extracting(d -> d.path("message").path("text").path("body").asText()).containsExactly("three");
        assertThat(rest.path("batch_info").path("first_sequence").asInt()).isEqualTo(3);
    }

    @Test
    void failedBatchFallsBackToIndividualDeliveriesWithNewKeys() {
        WebhookReceiver receiver = receiver().answer(500, 500, 500, 500);
        numberWebhook(receiver, List.of("whatsapp.message.received"), Map.of("buffer_enabled", true, "max_buffer_size", 2));
        simulator.onLoop(() -> {
            for (String text : List.of("alpha", "beta")) {
                ObjectNode content = MAPPER.createObjectNode().put("type", "text");
                content.putObject("text").put("body", text);
                Messaging.of(simulator.context()).receive(PHONE, "+15550100406", null, content);
            }
            return null;
        });

        await().atMost(WAIT).until(() -> receiver.all().size() == 6);
        List<Received> singles = receiver.all().subList(4, 6);
        assertThat(singles).allSatisfy(r -> assertThat(r.header("X-Webhook-Batch")).isNull());
        assertThat(singles).extracting(r -> r.json().path("message").path("text").path("body").asText()).containsExactly("alpha", "beta");
        assertThat(singles).extracting(r -> r.header("X-Idempotency-Key")).doesNotHaveDuplicates()
                .doesNotContain(receiver.all().get(0).header("X-Idempotency-Key"));
    }

    @Test
    void metaWebhookGetsTheRawMetaEnvelopeSignedBothWays() {
        WebhookReceiver receiver = receiver();
        ok("createWebhook", Map.of("url", receiver.url(), "secret_key", SECRET, "kind", "meta"), Map.of());

        JsonNode stored = inboundText("+15550100407", "Diego Fernández", "meta please");

        await().atMost(WAIT).until(() -> receiver.all().size() == 1);
        Received r = receiver.all().get(0);
        String hmac = WebhookReceiver.hmac(SECRET, r.body());
        assertThat(r.header("X-Hub-Signature-256")).isEqualTo("sha256=" + hmac);
        assertThat(r.header("X-Webhook-Signature")).isEqualTo(hmac);
        assertThat(r.header("X-Idempotency-Key")).isEqualTo(Signatures.sha256Hex(r.body()));
        JsonNode body = r.json();
        assertThat(body.path("object").asText()).isEqualTo("whatsapp_business_account");
        JsonNode entry = body.path("entry").path(0);
        assertThat(entry.path("id").asText()).isEqualTo(SimulatorConfig.DEFAULT_BUSINESS_ACCOUNT_ID);
        JsonNode change = entry.path("changes").path(0);
        assertThat(change.path("field").asText()).isEqualTo("messages");
        JsonNode value = change.path("value");
        assertThat(value.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(value.path("metadata").path("phone_number_id").asText()).isEqualTo(PHONE);
        assertThat(value.path("metadata").path("display_phone_number").asText()).isEqualTo("15550100100");
        assertThat(value.path("contacts").path(0).path("wa_id").asText()).isEqualTo("15550100407");
        assertThat(value.path("contacts").path(0).path("profile").path("name").asText()).isEqualTo("Diego Fernández");
        JsonNode message = value.path("messages").path(0);
        assertThat(message.path("id").asText()).isEqualTo(stored.path("id").asText());
        assertThat(message.path("from").asText()).isEqualTo("15550100407");
        assertThat(message.path("text").path("body").asText()).isEqualTo("meta please");
        assertThat(message.has("kapso")).isFalse();
    }

    @Test
    void metaWebhookGetsStatusChanges() {
        WebhookReceiver receiver = receiver();
        ok("createWebhook", Map.of("url", receiver.url(), "secret_key", SECRET, "kind", "meta"), Map.of());
        inboundText("+15550100408", null, "hi");
        simulator.onLoop(() -> {
            ObjectNode request = MAPPER.createObjectNode().put("to", "15550100408").put("type", "text");
            request.putObject("text").put("body", "hello back");
            return Messaging.of(simulator.context()).send(PHONE, request);
        });
        await().atMost(WAIT).until(() -> receiver.all().size() == 4);
        assertThat(receiver.all()).extracting(r -> r.json().path("entry").path(0).path("changes").path(0).path("value"))
                .filteredOn(v -> v.has("statuses"))
                .extracting(v -> v.path("statuses").path(0).path("status").asText())
                .containsExactlyInAnyOrder("sent", "delivered", "read");
    }

    @Test
    void payloadVersionV1GetsTheLegacyShape() {
        WebhookReceiver receiver = receiver();
        numberWebhook(receiver, List.of("whatsapp.message.received"), Map.of("payload_version", "v1"));
        inboundText("+15550100409", null, "legacy");

        await().atMost(WAIT).until(() -> receiver.all().size() == 1);
        Received r = receiver.all().get(0);
        assertThat(r.header("X-Webhook-Payload-Version")).isEqualTo("v1");
        JsonNode body = r.json();
        assertThat(body.has("phone_number_id")).isFalse();
        assertThat(body.path("whatsapp_config").path("phone_number_id").asText()).isEqualTo(PHONE);
        assertThat(body.path("whatsapp_config_id").asText()).isEqualTo(body.path("whatsapp_config").path("id").asText()).isNotEmpty();
        assertThat(body.path("message").path("message_type").asText()).isEqualTo("text");
        assertThat(body.path("message").path("content").asText()).isEqualTo("legacy");
        assertThat(body.path("message").path("direction").asText()).isEqualTo("inbound");
        assertThat(body.path("conversation").path("whatsapp_config_id").asText()).isEqualTo(body.path("whatsapp_config_id").asText());
    }

    @Test
    void quietConversationFiresInactiveAfterInactivityMinutes() {
        WebhookReceiver receiver = receiver();
        numberWebhook(receiver, List.of("whatsapp.conversation.inactive"), Map.of("inactivity_minutes", 1));
        JsonNode stored = inboundText("+15550100410", null, "then silence");

        await().atMost(WAIT).until(() -> receiver.withEvent("whatsapp.conversation.inactive").size() == 1);
        JsonNode body = receiver.withEvent("whatsapp.conversation.inactive").get(0).json();
        assertThat(body.path("inactivity").path("minutes").asInt()).isEqualTo(1);
        assertThat(body.path("since_message").path("whatsapp_message_id").asText()).isEqualTo(stored.path("id").asText());
        assertThat(body.path("since_message").path("direction").asText()).isEqualTo("inbound");
        assertThat(body.path("conversation").path("status").asText()).isEqualTo("active");
        assertThat(body.path("phone_number_id").asText()).isEqualTo(PHONE);
    }

    @Test
    void pausedWebhooksReceiveNothing() {
        WebhookReceiver paused = receiver();
        WebhookReceiver active = receiver();
        numberWebhook(paused, List.of("whatsapp.message.received"), Map.of("active", false));
        numberWebhook(active, List.of("whatsapp.message.received"), Map.of());
        inboundText("+15550100411", null, "anyone there?");
        await().atMost(WAIT).until(() -> active.all().size() == 1);
        assertThat(paused.all()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static JsonNode deliveryOf(String webhookId) {
        List<Object> data = (List<Object>) ok("listWebhookDeliveries", null, Map.of("CamelKapsoWebhookId", webhookId)).get("data");
        return data.isEmpty() ? MAPPER.createObjectNode() : MAPPER.valueToTree(data.get(0));
    }
}
