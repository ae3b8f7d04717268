package io.github.camelkapso.simulator;

import java.util.List;
import java.util.Map;

import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.error.KapsoApiException;
import io.github.camelkapso.error.KapsoNotFoundException;
import io.github.camelkapso.error.KapsoValidationException;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.github.camelkapso.simulator.support.MessagingFixtures.inbound;
import static org.assertj.core.api.Assertions.assertThat;

class AssignmentsModuleTest extends SimulatorTestBase {

    private static final String ALICE = "f1e2d3c4-b5a6-9870-fedc-ba0987654321";
    private static final String BOB = "e2d3c4b5-a697-8076-edcb-a09876543210";

    @Test
    @SuppressWarnings("unchecked")
    void oneActiveAssignmentPerConversation() {
        String conversation = inbound(simulator, "15553330001", "Kim", "Need a human").path("kapso").path("whatsapp_conversation_id").asText();
        Map<String, Object> ids = Map.of("CamelKapsoConversationId", conversation);

        Map<String, Object> first = data(ok("createConversationAssignment", Map.of("user_id", ALICE, "notes", "VIP"), ids));
        assertThat(first).containsEntry("user_id", ALICE).containsEntry("notes", "VIP").containsEntry("active", true)
                .containsKeys("id", "created_by_user_id", "created_at");
        String firstId = (String) first.get("id");

        Exchange second = call("createConversationAssignment", Map.of("user_id", BOB), ids);
        assertThat(second.getException()).isInstanceOf(KapsoValidationException.class)
                .hasMessageContaining("Conversation already has an active assignment");
        assertThat(((KapsoApiException) second.getException()).getHttpStatus()).isEqualTo(422);

        Map<String, Object> withId = Map.of("CamelKapsoConversationId", conversation, "CamelKapsoId", firstId);
        assertThat(data(ok("getConversationAssignment", null, withId))).containsEntry("notes", "VIP");
        assertThat(data(ok("updateConversationAssignment", Map.of("notes", "Resolved pricing"), withId))).containsEntry("notes", "Resolved pricing");

        assertThat((List<Map<String, Object>>) ok("listProjectConversations", null, Map.of("CamelKapsoAssignedUserId", ALICE)).get("data"))
                .extracting(c -> c.get("id")).containsExactly(conversation);
        assertThat((List<Map<String, Object>>) ok("listConversations", null, Map.of("CamelKapsoUnassigned", true)).get("data"))
                .extracting(c -> c.get("id")).doesNotContain(conversation);

        assertThat(data(ok("updateConversationAssignment", Map.of("active", false), withId))).containsEntry("active", false);
        Map<String, Object> reassigned = data(ok("createConversationAssignment", Map.of("user_id", BOB), ids));
        assertThat(reassigned).containsEntry("user_id", BOB).containsEntry("active", true);

        Exchange reactivate = call("updateConversationAssignment", Map.of("active", true), withId);
        assertThat(reactivate.getException()).isInstanceOf(KapsoValidationException.class);

        Exchange list = call("listConversationAssignments", null, ids);
        assertThat((List<Map<String, Object>>) list.getMessage().getBody(Map.class).get("data")).extracting(a -> a.get("user_id"))
                .containsExactly(BOB, ALICE);
        assertThat(list.getMessage().getHeader(KapsoConstants.TOTAL_COUNT)).isEqualTo(2L);
        assertThat((List<Map<String, Object>>) ok("listConversations", null, Map.of("CamelKapsoAssignedUserId", ALICE)).get("data"))
                .extracting(c -> c.get("id")).doesNotContain(conversation);
    }

    @Test
    void unknownConversationsAndAssignmentsAre404() {
        Exchange noConversation = call("createConversationAssignment", Map.of("user_id", ALICE),
                Map.of("CamelKapsoConversationId", "00000000-0000-0000-0000-000000000000"));
        assertThat(noConversation.getException()).isInstanceOf(KapsoNotFoundException.class);

        String conversation = inbound(simulator, "15553330002", "Lou", "Hi").path("kapso").path("whatsapp_conversation_id").asText();
        Exchange noAssignment = call("getConversationAssignment", null,
                Map.of("CamelKapsoConversationId", conversation, "CamelKapsoId", "00000000-0000-0000-0000-000000000001"));
        assertThat(noAssignment.getException()).isInstanceOf(KapsoNotFoundException.class).hasMessageContaining("Assignment not found");
    }
}
