package io.github.camelkapso.simulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.error.KapsoApiException;
import io.github.camelkapso.error.KapsoNotFoundException;
import io.github.camelkapso.error.KapsoValidationException;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.camelkapso.simulator.support.MessagingFixtures.inbound;
import static io.github.camelkapso.simulator.support.MessagingFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

class ConversationsModuleTest extends SimulatorTestBase {

    private static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void recordEvents() {
        SimEvents previous = simulator.context().events();
        simulator.context().setEvents((type, phone, conversation, payload) -> {
            EVENTS.add(type + " " + conversation + " " + payload.path("conversation").path("status").asText());
            previous.emit(type, phone, conversation, payload);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void conversationRoundTripOnBothSurfaces() {
        ObjectNode received = inbound(simulator, "15552220001", "Hana", "Hello there");
        String id = received.path("kapso").path("whatsapp_conversation_id").asText();
        ok("sendMessage", text("15552220001", "Hi Hana"), Map.of());

        List<Map<String, Object>> listed = (List<Map<String, Object>>) ok("listConversations", null,
                Map.of("CamelKapsoPhoneNumber", "+1 (555) 222-0001")).get("data");
        assertThat(listed).singleElement().satisfies(c -> assertThat(c).containsEntry("id", id).containsEntry("status", "active")
                .containsEntry("phone_number_id", SimulatorConfig.DEFAULT_PHONE_NUMBER_ID).containsKey("whatsapp_config_id")
                .doesNotContainKey("kapso"));

        Map<String, Object> withKapso = ok("getConversation", null, Map.of("CamelKapsoConversationId", id, "CamelKapsoFields", "kapso(default)"));
        assertThat((Map<String, Object>) withKapso.get("kapso")).containsEntry("messages_count", 2).containsEntry("contact_name", "Hana")
                .containsEntry("last_message_text", "Hi Hana");
        assertThat(ok("getConversationById", null, Map.of("CamelKapsoConversationId", id))).containsEntry("id", id).doesNotContainKey("kapso");

        assertThat(ok("updateConversation", Map.of("status", "ended"), Map.of("CamelKapsoConversationId", id))).isEqualTo(Map.of("success", true));
        assertThat(EVENTS).contains("whatsapp.conversation.ended " + id + " ended");

        Map<String, Object> platform = data(ok("getProjectConversation", null, Map.of("CamelKapsoConversationId", id)));
        assertThat(platform).containsEntry("status", "ended");
        assertThat((Map<String, Object>) platform.get("kapso")).containsEntry("messages_count", 2);
        assertThat((List<Map<String, Object>>) ok("listProjectConversations", null,
                Map.of("CamelKapsoStatus", "ended", "CamelKapsoPhoneNumber", "2220001")).get("data"))
                .extracting(c -> c.get("id")).containsExactly(id);

        Map<String, Object> reopened = data(ok("updateConversationStatus", Map.of("status", "active"), Map.of("CamelKapsoConversationId", id)));
        assertThat(reopened).containsEntry("status", "active").containsKey("kapso");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWindowOutlivesAnEndedConversation() {
        ObjectNode received = inbound(simulator, "15552220002", "Ivo", "Question");
        String first = received.path("kapso").path("whatsapp_conversation_id").asText();
        ok("updateConversationStatus", Map.of("status", "ended"), Map.of("CamelKapsoConversationId", first));

        Exchange reply = call("sendMessage", text("15552220002", "Answer"), Map.of());
        assertThat(reply.getException()).isNull();
        Map<String, Object> kapso = (Map<String, Object>) data(ok("getProjectMessage", null,
                Map.of("CamelKapsoMessageId", reply.getMessage().getHeader("CamelKapsoMessageId")))).get("kapso");
        String second = (String) kapso.get("whatsapp_conversation_id");
        assertThat(second).isNotEqualTo(first);
        assertThat(EVENTS).anyMatch(e -> e.startsWith("whatsapp.conversation.created " + second));
    }

    @Test
    void rulesOnStatusAndFilters() {
        ObjectNode received = inbound(simulator, "15552220003", "Jo", "Hey");
        String id = received.path("kapso").path("whatsapp_conversation_id").asText();

        Exchange badStatus = call("updateConversationStatus", Map.of("status", "closed"), Map.of("CamelKapsoConversationId", id));
        assertThat(badStatus.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("status");

        Exchange both = call("listProjectConversations", null, Map.of("CamelKapsoAssignedUserId", "f1e2d3c4-b5a6-9870-fedc-ba0987654321",
                "CamelKapsoUnassigned", true));
        assertThat(both.getException()).isInstanceOf(KapsoValidationException.class);
        assertThat(((KapsoApiException) both.getException()).getHttpStatus()).isEqualTo(422);

        Exchange unknown = call("getProjectConversation", null, Map.of("CamelKapsoConversationId", "00000000-0000-0000-0000-000000000000"));
        assertThat(unknown.getException()).isInstanceOf(KapsoNotFoundException.class).hasMessageContaining("Conversation not found");

        Exchange otherNumber = call("getConversation", null, Map.of("CamelKapsoConversationId", id, "CamelKapsoPhoneNumberId", "999000999"));
        assertThat(otherNumber.getException()).isInstanceOf(KapsoNotFoundException.class);
    }
}
