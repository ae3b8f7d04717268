package io.github.camelkapso.simulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.error.KapsoNotFoundException;
import io.github.camelkapso.error.KapsoValidationException;
import io.github.camelkapso.simulator.support.WebhookReceiver;
import io.github.camelkapso.simulator.support.WebhooksTestBase;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WebhooksRoundTripTest extends WebhooksTestBase {

    @Test
    void numberWebhookLifecycle() {
        WebhookReceiver receiver = receiver();
        Map<String, Object> created = numberWebhook(receiver, List.of("whatsapp.message.received", "whatsapp.message.sent"),
                Map.of("headers", Map.of("X-Webhook-Source", "kapso")));
        String id = (String) created.get("id");
        assertThat(created).containsEntry("url", receiver.url()).containsEntry("kind", "kapso").containsEntry("active", true)
                .containsEntry("secret_key", SECRET).containsEntry("phone_number_id", PHONE).containsEntry("buffer_enabled", false)
                .containsEntry("buffer_window_seconds", null).containsEntry("max_buffer_size", null).containsEntry("inactivity_minutes", 60)
                .containsEntry("payload_version", "v2").containsEntry("buffer_events", List.of())
                .containsEntry("headers", Map.of("X-Webhook-Source", "kapso")).containsKeys("project_id", "created_at", "updated_at");

        assertThat(data(ok("getWebhook", null, Map.of("CamelKapsoWebhookId", id)))).containsEntry("id", id);
        assertThat(data(ok("getProjectWebhook", null, Map.of("CamelKapsoWebhookId", id)))).containsEntry("id", id);

        Map<String, Object> list = ok("listWebhooks", null, Map.of("CamelKapsoUrlContains", "hooks/KAPSO"));
        assertThat((List<?>) list.get("data")).hasSize(1);
        assertThat(map(list.get("meta"))).containsEntry("total_count", 1);
        assertThat((List<?>) ok("listWebhooks", null, Map.of("CamelKapsoKind", "meta")).get("data")).isEmpty();

        Map<String, Object> updated = data(ok("updateWebhook", Map.of("active", false, "buffer_enabled", true),
                Map.of("CamelKapsoWebhookId", id)));
        assertThat(updated).containsEntry("active", false).containsEntry("buffer_enabled", true).containsEntry("buffer_window_seconds", 5)
                .containsEntry("max_buffer_size", 50).containsEntry("buffer_events", List.of("whatsapp.message.received"));
        assertThat((List<?>) ok("listWebhooks", null, Map.of("CamelKapsoActive", true)).get("data")).isEmpty();

        ok("deleteWebhook", null, Map.of("CamelKapsoWebhookId", id));
        assertThat(call("getWebhook", null, Map.of("CamelKapsoWebhookId", id)).getException()).isInstanceOf(KapsoNotFoundException.class);
    }

    @Test
    void projectWebhookLifecycleAndTestDelivery() {
        WebhookReceiver receiver = receiver();
        Map<String, Object> created = data(ok("createProjectWebhook", Map.of("url", receiver.url(), "secret_key", SECRET,
                "events", List.of("whatsapp.phone_number.created", "workflow.execution.failed")), Map.of()));
        String id = (String) created.get("id");
        assertThat(created).containsEntry("phone_number_id", null).containsEntry("kind", "kapso");

        Map<String, Object> scoped = data(ok("createProjectWebhook", Map.of("url", receiver.url(), "secret_key", SECRET,
                "phone_number_id", PHONE, "events", List.of("whatsapp.message.received")), Map.of()));
        assertThat(scoped).containsEntry("phone_number_id", PHONE);

        Map<String, Object> all = ok("listProjectWebhooks", null, Map.of());
        assertThat(list(all.get("data"))).extracting(w -> map(w).get("id")).containsExactly(scoped.get("id"), id);
        assertThat((List<?>) ok("listWebhooks", null, Map.of()).get("data")).hasSize(1);

        assertThat(data(ok("updateProjectWebhook", Map.of("url", receiver.url() + "/v2"), Map.of("CamelKapsoWebhookId", id))))
                .containsEntry("url", receiver.url() + "/v2");
        Map<String, Object> test = ok("testProjectWebhook", Map.of("event_type", "workflow.execution.failed"),
                Map.of("CamelKapsoWebhookId", id));
        assertThat(test).isEqualTo(Map.of("data", Map.of("success", true)));
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.withEvent("workflow.execution.failed").size() == 1);
        JsonNode sample = receiver.withEvent("workflow.execution.failed").get(0).json();
        assertThat(sample.path("event").asText()).isEqualTo("workflow.execution.failed");
        assertThat(sample.path("status").asText()).isEqualTo("failed");
        assertThat(sample.path("error").path("message").asText()).isNotEmpty();

        Exchange notSubscribed = call("testProjectWebhook", Map.of("event_type", "whatsapp.phone_number.deleted"), Map.of("CamelKapsoWebhookId", id));
        assertThat(notSubscribed.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("event_type");

        ok("deleteProjectWebhook", null, Map.of("CamelKapsoWebhookId", id));
        assertThat(call("getProjectWebhook", null, Map.of("CamelKapsoWebhookId", id)).getException())
                .isInstanceOf(KapsoNotFoundException.class);
    }

    @Test
    void documentedRulesAnswer422NamingTheField() {
        String url = receiver().url();
        assertRejected("createProjectWebhook", Map.of("url", url, "secret_key", SECRET, "events", List.of("whatsapp.message.received")),
                "whatsapp_webhook.events", "number-scoped");
        assertRejected("createWebhook", Map.of("url", url, "secret_key", SECRET, "events", List.of("whatsapp.phone_number.created")),
                "whatsapp_webhook.events", "project-scoped");
        assertRejected("createWebhook", Map.of("url", url, "secret_key", SECRET, "events", List.of("whatsapp.message.teleported")),
                "whatsapp_webhook.events", "unknown event");
        assertRejected("createWebhook", Map.of("url", "http://example.com/hook", "secret_key", SECRET,
                "events", List.of("whatsapp.message.received")), "whatsapp_webhook.url", "HTTPS");
        assertRejected("createProjectWebhook", Map.of("url", url, "events", List.of("whatsapp.phone_number.created")),
                "whatsapp_webhook.secret_key", "required");
        assertRejected("createWebhook", Map.of("url", url, "secret_key", SECRET, "events", List.of("whatsapp.message.received"),
                "buffer_enabled", true, "buffer_window_seconds", 61), "whatsapp_webhook.buffer_window_seconds", "between 1 and 60");
        assertRejected("createWebhook", Map.of("url", url, "secret_key", SECRET, "events", List.of("whatsapp.message.received"),
                "max_buffer_size", 101), "whatsapp_webhook.max_buffer_size", "between 1 and 100");
        assertRejected("createWebhook", Map.of("url", url, "secret_key", SECRET, "events", List.of("whatsapp.message.received"),
                "inactivity_minutes", 0), "whatsapp_webhook.inactivity_minutes", "between 1 and 1440");
        assertRejected("createWebhook", Map.of("url", url, "secret_key", SECRET, "events", List.of("whatsapp.message.received"),
                "payload_version", "v3"), "whatsapp_webhook.payload_version", "v1 or v2");
        assertRejected("createWebhook", Map.of("url", url, "secret_key", SECRET, "events", List.of("whatsapp.message.sent"),
                "buffer_enabled", true, "buffer_events", List.of("whatsapp.message.sent")), "whatsapp_webhook.buffer_events", "only");
        assertRejected("createProjectWebhook", Map.of("url", url, "secret_key", SECRET, "kind", "meta"),
                "whatsapp_webhook.phone_number_id", "meta");

        Map<String, Object> meta = data(ok("createWebhook", Map.of("url", url, "secret_key", SECRET, "kind", "meta",
                "events", List.of("whatsapp.message.received")), Map.of()));
        assertThat(meta).containsEntry("events", List.of()).containsEntry("payload_version", null);
        assertRejected("createWebhook", Map.of("url", url, "secret_key", SECRET, "kind", "meta"), "whatsapp_webhook.kind", "already has a meta");

        Map<String, Object> kapso = numberWebhook(receiver(), List.of("whatsapp.message.received"), Map.of());
        Exchange kindChange = call("updateWebhook", Map.of("kind", "meta"), Map.of("CamelKapsoWebhookId", kapso.get("id")));
        assertThat(kindChange.getException()).isInstanceOf(KapsoValidationException.class)
                .hasMessageContaining("whatsapp_webhook.kind").hasMessageContaining("cannot be changed");
        Exchange emptied = call("updateWebhook", Map.of("events", List.of()), Map.of("CamelKapsoWebhookId", kapso.get("id")));
        assertThat(emptied.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("at least one event");

        Exchange otherNumber = call("getWebhook", null, Map.of("CamelKapsoWebhookId", kapso.get("id"), "CamelKapsoPhoneNumberId", "999"));
        assertThat(otherNumber.getException()).isInstanceOf(KapsoNotFoundException.class);
    }

    @Test
    void projectEventsReachOnlyProjectWebhooksAndMessagesOnlyNumberWebhooks() {
        WebhookReceiver project = receiver();
        WebhookReceiver number = receiver();
        ok("createProjectWebhook", Map.of("url", project.url(), "secret_key", SECRET, "events", List.of("whatsapp.phone_number.created")),
                Map.of());
        numberWebhook(number, List.of("whatsapp.message.received"), Map.of());

        simulator.onLoop(() -> {
            ObjectNode payload = MAPPER.createObjectNode().put("phone_number_id", PHONE);
            payload.putObject("project").put("id", simulator.context().state().projectId());
            payload.putObject("customer").put("id", "880e8400-e29b-41d4-a716-446655440003");
            simulator.context().events().emit("whatsapp.phone_number.created", PHONE, null, payload);
            return null;
        });
        inboundText("+15550100201", "Routing Test", "route me");

        await().atMost(Duration.ofSeconds(5)).until(() -> project.all().size() == 1 && number.all().size() == 1);
        assertThat(project.all().get(0).event()).isEqualTo("whatsapp.phone_number.created");
        assertThat(project.all().get(0).json().path("customer").path("id").asText()).isEqualTo("880e8400-e29b-41d4-a716-446655440003");
        assertThat(number.all().get(0).event()).isEqualTo("whatsapp.message.received");
        assertThat(number.all().get(0).json().path("message").path("text").path("body").asText()).isEqualTo("route me");
    }

    @Test
    void deliveryLogFiltersAndPages() {
        WebhookReceiver receiver = receiver();
        String id = (String) numberWebhook(receiver, List.of("whatsapp.message.received"), Map.of()).get("id");
        for (int i = 0; i < 3; i++) {
            inboundText("+1555010030" + i, null, "log " + i);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> delivered(id) == 3);

        Map<String, Object> page = ok("listWebhookDeliveries", null, Map.of("CamelKapsoWebhookId", id, "CamelKapsoLimit", 2));
        assertThat((List<?>) page.get("data")).hasSize(2);
        assertThat(((Map<?, ?>) page.get("paging")).get("next")).isNotNull();
        Map<String, Object> first = map(list(page.get("data")).get(0));
        assertThat(first).containsEntry("event", "whatsapp.message.received").containsEntry("webhook_id", id)
                .containsEntry("webhook_url", receiver.url()).containsEntry("phone_number_id", PHONE).containsEntry("response_status", 200)
                .containsEntry("attempt_count", 1).containsKeys("delivered_at", "last_attempt_at", "idempotency_key", "conversation_phone_number");
        assertThat((List<?>) ok("listWebhookDeliveries", null, Map.of("CamelKapsoWebhookId", id, "CamelKapsoErrorsOnly", true))
                .get("data")).isEmpty();
        Map<String, Object> headers = new HashMap<>(Map.of("CamelKapsoPeriod", "1y"));
        assertThat(call("listWebhookDeliveries", null, headers).getException()).isInstanceOf(KapsoValidationException.class)
                .hasMessageContaining("period");
    }

    @SuppressWarnings("unchecked")
    private static long delivered(String webhookId) {
        List<Map<String, Object>> data = (List<Map<String, Object>>) ok("listWebhookDeliveries", null,
                Map.of("CamelKapsoWebhookId", webhookId, "CamelKapsoStatus", "delivered")).get("data");
        return data.size();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    private static void assertRejected(String operation, Map<String, Object> body, String field, String rule) {
        Exchange ex = call(operation, body, Map.of());
        assertThat(ex.getException()).as(operation + " " + body).isInstanceOf(KapsoValidationException.class)
                .hasMessageContaining(field).hasMessageContaining(rule);
    }
}
