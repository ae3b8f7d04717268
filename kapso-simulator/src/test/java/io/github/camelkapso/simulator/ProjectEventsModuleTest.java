package io.github.camelkapso.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.error.KapsoNotFoundException;
import io.github.camelkapso.error.KapsoValidationException;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProjectEventsModuleTest extends SimulatorTestBase {

    @Test
    @SuppressWarnings("unchecked")
    void emitListAndDefinitions() {
        List<ObjectNode> delivered = new CopyOnWriteArrayList<>();
        simulator.onLoop(() -> {
            simulator.context().setEvents((type, phone, conversation, payload) -> {
                if (type.equals("project.event")) {
                    delivered.add(payload);
                }
            });
            return null;
        });

        Map<String, Object> emitted = data(ok("emitEvent", Map.of("name", "conversation.csat_scored",
                "occurred_at", "2026-06-27T14:30:00Z", "properties", Map.of("score", 4, "reason", "Resolved")), Map.of()));
        assertThat(emitted).containsEntry("name", "conversation.csat_scored").containsEntry("occurred_at", "2026-06-27T14:30:00Z")
                .containsEntry("conversation_id", null).containsEntry("properties", Map.of("score", 4, "reason", "Resolved"));
        data(ok("emitEvent", Map.of("name", "order.shipped"), Map.of()));
        assertThat(delivered).hasSize(2);
        assertThat(delivered.get(0).path("id").asText()).isEqualTo(emitted.get("id"));

        List<Map<String, Object>> all = (List<Map<String, Object>>) ok("listEvents", null, Map.of()).get("data");
        assertThat(all).extracting(e -> e.get("name")).containsExactly("order.shipped", "conversation.csat_scored");
        List<Map<String, Object>> csat = (List<Map<String, Object>>) ok("listEvents", null,
                Map.of("CamelKapsoName", "conversation.csat_scored")).get("data");
        assertThat(csat).singleElement().satisfies(e -> assertThat(e).containsEntry("id", emitted.get("id")));

        Exchange badName = call("emitEvent", Map.of("name", "Conversation Scored"), Map.of());
        assertThat(badName.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("name");
        Exchange unknownConversation = call("emitEvent", Map.of("name", "x.y", "conversation_id",
                "770e8400-e29b-41d4-a716-446655440002"), Map.of());
        assertThat(unknownConversation.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("conversation");

        List<Map<String, Object>> definitions = (List<Map<String, Object>>) ok("listEventDefinitions", null, Map.of()).get("data");
        Map<String, Object> auto = definitions.stream().filter(d -> "conversation.csat_scored".equals(d.get("name"))).findFirst().orElseThrow();
        assertThat(auto).containsEntry("last_seen_at", "2026-06-27T14:30:00Z").containsEntry("archived_at", null);

        Map<String, Object> upserted = data(ok("createEventDefinition", Map.of("name", "conversation.csat_scored",
                "description", "CSAT", "property_schema", Map.of("score", Map.of("type", "number"))), Map.of()));
        assertThat(upserted).containsEntry("id", auto.get("id")).containsEntry("description", "CSAT");
        String id = (String) upserted.get("id");
        Map<String, Object> byId = Map.of("CamelKapsoId", id);

        Exchange rename = call("updateEventDefinition", Map.of("name", "conversation.csat"), byId);
        assertThat(rename.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("recorded");
        assertThat(data(ok("updateEventDefinition", Map.of("archived", true), byId)).get("archived_at")).isNotNull();
        assertThat((List<Map<String, Object>>) ok("listEventDefinitions", null, Map.of()).get("data"))
                .extracting(d -> d.get("id")).doesNotContain(id);
        assertThat((List<Map<String, Object>>) ok("listEventDefinitions", null, Map.of("CamelKapsoIncludeArchived", true)).get("data"))
                .extracting(d -> d.get("id")).contains(id);

        Exchange deleted = call("deleteEventDefinition", null, byId);
        assertThat(deleted.getException()).isNull();
        assertThat(deleted.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(202);
        assertThat(call("getEventDefinition", null, byId).getException()).isInstanceOf(KapsoNotFoundException.class);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat((List<?>) ok("listEvents", null,
                Map.of("CamelKapsoName", "conversation.csat_scored")).get("data")).isEmpty());
    }
}
