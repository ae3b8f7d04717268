package io.github.camelkapso.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.error.KapsoValidationException;
import io.github.camelkapso.simulator.messaging.Messaging;
import io.github.camelkapso.simulator.ops.ProjectSeed;
import io.github.camelkapso.simulator.support.PlatformRawHttp;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import io.github.camelkapso.simulator.state.Stores;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BroadcastsModuleTest extends SimulatorTestBase {

    private static final String PHONE = SimulatorConfig.DEFAULT_PHONE_NUMBER_ID;

    private static String templateId() {
        return simulator.onLoop(() -> simulator.context().state().store(Stores.TEMPLATES)
                .find(t -> ProjectSeed.SAMPLE_TEMPLATE.equals(t.path("name").asText())).orElseThrow().path("id").asText());
    }

    private static Map<String, Object> recipient(String number, String name) {
        return Map.of("phone_number", number, "components", List.of(Map.of("type", "body", "parameters",
                List.of(Map.of("type", "text", "text", name), Map.of("type", "text", "text", "A-1001")))));
    }

    private static String createDraft(String name) {
        Map<String, Object> created = data(ok("createBroadcast", Map.of("name", name, "phone_number_id", PHONE,
                "whatsapp_template_id", templateId()), Map.of()));
        return (String) created.get("id");
    }

    private static Map<String, Object> broadcast(String id) {
        return data(ok("getBroadcast", null, Map.of("CamelKapsoBroadcastId", id)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void broadcastLifecycle() {
        Map<String, Object> created = data(ok("createBroadcast", Map.of("name", "Weekend Sale", "phone_number_id", PHONE,
                "whatsapp_template_id", templateId()), Map.of()));
        String id = (String) created.get("id");
        assertThat(created).containsEntry("status", "draft").containsEntry("total_recipients", 0)
                .containsEntry("phone_number_id", PHONE).doesNotContainKey("whatsapp_template_id");
        assertThat((Map<String, Object>) created.get("whatsapp_template")).containsEntry("name", ProjectSeed.SAMPLE_TEMPLATE)
                .containsEntry("status", "approved").containsEntry("language_code", "en_US");
        Map<String, String> byId = Map.of("CamelKapsoBroadcastId", id);

        Map<String, Object> added = data(ok("addBroadcastRecipients", Map.of("recipients", List.of(
                recipient("+15551230001", "Ana"), recipient("+1 555 123 0002", "Ben"), recipient("15550009999", "Fay"),
                recipient("+15551230001", "Ana again"), recipient("not-a-number", "Bad"))), Map.copyOf(byId)));
        assertThat(added).containsEntry("added", 3).containsEntry("duplicates", 1);
        assertThat((List<String>) added.get("errors")).containsExactly("Recipient 5: invalid phone number format");

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Map.of("phone_number", "+1555" + String.format("%07d", i)));
        }
        String body = "{\"whatsapp_broadcast\":{\"recipients\":" + json(tooMany) + "}}";
        PlatformRawHttp.Answer rejected = PlatformRawHttp.call(simulator, "POST", "/whatsapp/broadcasts/" + id + "/recipients", body);
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.json().path("error").asText()).contains("whatsapp_broadcast.recipients").contains("at most 1000");

        List<Map<String, Object>> recipients = (List<Map<String, Object>>) ok("listBroadcastRecipients", null, Map.copyOf(byId)).get("data");
        assertThat(recipients).extracting(r -> r.get("phone_number")).containsExactly("15551230001", "15551230002", "15550009999");
        assertThat(recipients).allSatisfy(r -> assertThat(r).containsEntry("status", "pending").doesNotContainKey("broadcast_id"));

        Exchange stopDraft = call("updateBroadcastStatus", Map.of("status", "stopped"), Map.copyOf(byId));
        assertThat(stopDraft.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("draft to stopped");

        Map<String, Object> sending = ok("sendBroadcast", null, Map.copyOf(byId));
        assertThat(sending.get("data")).isNotNull();
        assertThat(data(sending)).containsEntry("id", id).containsEntry("status", "sending").containsKey("started_at");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(broadcast(id))
                .containsEntry("status", "completed").containsEntry("read_count", 2));
        Map<String, Object> done = broadcast(id);
        assertThat(done).containsEntry("total_recipients", 3).containsEntry("sent_count", 2).containsEntry("failed_count", 1)
                .containsEntry("pending_count", 0).containsEntry("delivered_count", 2).containsEntry("read_count", 2);
        assertThat(done.get("completed_at")).isNotNull();

        recipients = (List<Map<String, Object>>) ok("listBroadcastRecipients", null, Map.copyOf(byId)).get("data");
        long sent = recipients.stream().filter(r -> "sent".equals(r.get("status"))).count();
        long failed = recipients.stream().filter(r -> "failed".equals(r.get("status"))).count();
        assertThat(sent).isEqualTo(((Number) done.get("sent_count")).longValue());
        assertThat(failed).isEqualTo(((Number) done.get("failed_count")).longValue());
        Map<String, Object> failing = recipients.stream().filter(r -> "15550009999".equals(r.get("phone_number"))).findFirst().orElseThrow();
        assertThat(failing).containsEntry("status", "failed").containsKey("failed_at");
        assertThat((Map<String, Object>) failing.get("error_details")).containsEntry("code", 131026);
        assertThat(recipients.stream().filter(r -> "sent".equals(r.get("status"))))
                .allSatisfy(r -> assertThat(r.get("delivered_at")).isNotNull());

        simulator.onLoop(() -> {
            ObjectNode text = JsonNodeFactory.instance.objectNode().put("type", "text");
            text.putObject("text").put("body", "Thanks!");
            return Messaging.of(simulator.context()).receive(PHONE, "15551230001", "Ana", text);
        });
        assertThat(broadcast(id)).containsEntry("responded_count", 1).containsEntry("response_rate", 50.0);

        Exchange late = call("addBroadcastRecipients", Map.of("recipients", List.of(recipient("+15551230003", "Cy"))), Map.copyOf(byId));
        assertThat(late.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("draft");
        Exchange again = call("sendBroadcast", null, Map.copyOf(byId));
        assertThat(again.getException()).isInstanceOf(KapsoValidationException.class);

        List<Map<String, Object>> completed = (List<Map<String, Object>>) ok("listBroadcasts", null,
                Map.of("CamelKapsoStatus", "completed", "CamelKapsoPhoneNumberId", PHONE)).get("data");
        assertThat(completed).extracting(b -> b.get("id")).contains(id);
    }

    @Test
    void sendingNeedsRecipients() {
        String id = createDraft("Empty");
        Exchange empty = call("sendBroadcast", null, Map.of("CamelKapsoBroadcastId", id));
        assertThat(empty.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("without recipients");
    }

    @Test
    void schedulingRules() {
        String id = createDraft("Scheduled");
        Map<String, String> byId = Map.of("CamelKapsoBroadcastId", id);
        ok("addBroadcastRecipients", Map.of("recipients", List.of(recipient("+15551239999", "Dee"))), Map.copyOf(byId));

        PlatformRawHttp.Answer past = PlatformRawHttp.call(simulator, "POST", "/whatsapp/broadcasts/" + id + "/schedule",
                "{\"scheduled_at\":\"2020-01-01T00:00:00Z\"}");
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.json().path("error").asText()).contains("scheduled_at").contains("future");
        PlatformRawHttp.Answer noZone = PlatformRawHttp.call(simulator, "POST", "/whatsapp/broadcasts/" + id + "/schedule",
                "{\"scheduled_at\":\"tomorrow\"}");
        assertThat(noZone.status()).isEqualTo(422);

        String inAnHour = Instant.now().plus(Duration.ofHours(1)).toString();
        Map<String, Object> scheduled = data(ok("scheduleBroadcast", Map.of("scheduled_at", inAnHour), Map.copyOf(byId)));
        assertThat(scheduled).containsEntry("status", "scheduled").containsKey("scheduled_at");
        Map<String, Object> cancelled = data(ok("cancelBroadcast", null, Map.copyOf(byId)));
        assertThat(cancelled).containsEntry("status", "draft").containsEntry("scheduled_at", null);
        assertThat(call("cancelBroadcast", null, Map.copyOf(byId)).getException()).isInstanceOf(KapsoValidationException.class);

        ok("scheduleBroadcast", Map.of("scheduled_at", inAnHour), Map.copyOf(byId));
        assertThat(data(ok("updateBroadcastStatus", Map.of("status", "draft"), Map.copyOf(byId)))).containsEntry("status", "draft");

        String soon = Instant.now().plus(Duration.ofMinutes(5)).toString();
        ok("scheduleBroadcast", Map.of("scheduled_at", soon), Map.copyOf(byId));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(broadcast(id)).containsEntry("status", "completed")
                .containsEntry("sent_count", 1));
    }

    @Test
    void clearingAScheduledBroadcastReturnsItToDraft() {
        String id = createDraft("Cleared");
        Map<String, String> byId = Map.of("CamelKapsoBroadcastId", id);
        ok("addBroadcastRecipients", Map.of("recipients", List.of(recipient("+15551238888", "Eve"))), Map.copyOf(byId));
        ok("scheduleBroadcast", Map.of("scheduled_at", Instant.now().plus(Duration.ofHours(2)).toString()), Map.copyOf(byId));
        Map<String, Object> cleared = data(ok("clearBroadcastRecipients", null, Map.copyOf(byId)));
        assertThat(cleared).containsEntry("status", "draft").containsEntry("scheduled_at", null).containsEntry("total_recipients", 0);
    }

    @Test
    void unknownTemplateIsNotFound() {
        Exchange missing = call("createBroadcast", Map.of("name", "X", "phone_number_id", PHONE, "whatsapp_template_id", "999"), Map.of());
        assertThat(missing.getException()).hasMessageContaining("404");
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
