package io.github.camelkapso.catalog;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.catalog.PollProfile.ListOrder;
import io.github.camelkapso.catalog.PollProfile.ValueKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The behaviour that belongs to an operation is read from the catalog data: list, message send, poll profile,
 * multipart form and preflight rules. The expected values are the facts the component used to keep in Java.
 */
class OperationBehaviourTest {

    private static final KapsoCatalog CATALOG = KapsoCatalog.get();

    @Test
    void pollProfilesAreTheDocumentedOnes() {
        Map<String, PollProfile> expected = Map.ofEntries(
                newestFirst("listMessages", "timestamp", "since"),
                newestFirst("listProjectMessages", "timestamp", null),
                newestFirst("listConversations", "last_active_at", "last_active_since"),
                newestFirst("listProjectConversations", "last_active_at", "last_active_after"),
                newestFirst("listContacts", "created_at", null),
                newestFirst("listProjectContacts", "created_at", "created_after"),
                newestFirst("listBroadcasts", "created_at", "created_after"),
                Map.entry("listBroadcastRecipients", new PollProfile("created_at", ValueKind.TIME, ListOrder.UNKNOWN, null, false)),
                newestFirst("listWebhookDeliveries", "created_at", null),
                newestFirst("listApiLogs", "created_at", null),
                newestFirst("listWorkflowExecutions", "started_at", null),
                newestFirst("listConversationWorkflowExecutions", "started_at", null),
                newestFirst("listEvents", "occurred_at", "occurred_after"),
                newestFirst("listCalls", "started_at", "since"),
                Map.entry("queryRows", new PollProfile(null, ValueKind.ANY, ListOrder.OLDEST_FIRST, null, true)));
        Map<String, PollProfile> actual = CATALOG.operations().stream().filter(KapsoOperation::consumer)
                .collect(Collectors.toMap(KapsoOperation::id, op -> op.pollProfile().orElseThrow()));

        assertThat(actual).isEqualTo(expected);
        assertThat(CATALOG.pollableIds()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(CATALOG.require("queryRows").pollProfile().orElseThrow().orderedOn("id").orderField()).isEqualTo("id");
        assertThat(CATALOG.require("sendMessage").pollProfile()).isEmpty();
    }

    @Test
    void everyPaginatedOperationIsAListAndSoAreTheUnpaginatedLists() {
        for (KapsoOperation op : CATALOG.operations()) {
            if (op.pagination() != KapsoOperation.Pagination.NONE || op.consumer()) {
                assertThat(op.isList()).as("list flag of paginated or pollable %s", op.id()).isTrue();
            }
        }
        assertThat(CATALOG.require("listWorkflows").isList()).as("listWorkflows answers {data: [...]} unpaginated").isTrue();
        assertThat(CATALOG.require("getFlowAssets").isList()).isTrue();
        assertThat(CATALOG.require("getMessage").isList()).isFalse();
        assertThat(CATALOG.require("sendMessage").isList()).isFalse();
    }

    @Test
    void messageSendsAreTheTwoSendOperations() {
        List<String> sends = CATALOG.operations().stream().filter(KapsoOperation::isMessageSend).map(KapsoOperation::id).toList();
        assertThat(sends).containsExactlyInAnyOrder("sendMessage", "sendMarketingMessage");
    }

    @Test
    void multipartOperationsNameTheirForm() {
        Map<String, KapsoOperation.MultipartForm> forms = CATALOG.operations().stream().filter(op -> op.multipartForm() != null)
                .collect(Collectors.toMap(KapsoOperation::id, KapsoOperation::multipartForm));
        assertThat(forms).isEqualTo(Map.of("uploadMedia", KapsoOperation.MultipartForm.MEDIA,
                "uploadFlowJson", KapsoOperation.MultipartForm.FLOW_JSON));
    }

    @Test
    void preflightRulesAreDeclaredWhereKapsoEnforcesThem() {
        Map<String, List<PreflightRule>> rules = CATALOG.operations().stream().filter(op -> !op.preflight().isEmpty())
                .collect(Collectors.toMap(KapsoOperation::id, KapsoOperation::preflight));
        assertThat(rules).isEqualTo(Map.of(
                "addBroadcastRecipients", List.of(new PreflightRule(PreflightRule.Kind.MAX_ITEMS, "whatsapp_broadcast.recipients", 1000)),
                "scheduleBroadcast", List.of(new PreflightRule(PreflightRule.Kind.FUTURE_TIME, "scheduled_at", 0))));
    }

    @Test
    void inconsistentEntriesFailTheLoadNamingTheOperationAndField() {
        assertThatThrownBy(() -> parse(entry("uploadThing").put("body", "multipart")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uploadThing").hasMessageContaining("multipart");
        ObjectNode badPoll = entry("listThings");
        badPoll.putObject("poll").put("orderField", "created_at").put("values", "time").put("order", "sideways");
        assertThatThrownBy(() -> parse(badPoll))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'sideways' is not a ListOrder")
                .hasMessageContaining("NEWEST_FIRST");
        ObjectNode sortsWithField = entry("listRows");
        sortsWithField.putObject("poll").put("orderField", "id").put("values", "any").put("order", "oldest_first")
                .put("consumerSorts", true);
        assertThatThrownBy(() -> parse(sortsWithField))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listRows").hasMessageContaining("poll.orderField");
        assertThat(parse(entry("getThing")).require("getThing").consumer()).isFalse();
    }

    private static Map.Entry<String, PollProfile> newestFirst(String id, String field, String sinceFilter) {
        return Map.entry(id, new PollProfile(field, ValueKind.TIME, ListOrder.NEWEST_FIRST, sinceFilter, false));
    }

    private static ObjectNode entry(String id) {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("id", id).put("method", "GET").put("base", "platform").put("path", "/things").put("body", "none")
                .put("envelope", "data").put("pagination", "none");
        return n;
    }

    private static KapsoCatalog parse(ObjectNode entry) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.putArray("operations").add(entry);
        return KapsoCatalog.parse(root);
    }
}
