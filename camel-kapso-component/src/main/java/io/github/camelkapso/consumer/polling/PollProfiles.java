package io.github.camelkapso.consumer.polling;

import java.util.Map;
import java.util.Optional;

import io.github.camelkapso.consumer.polling.PollProfile.ListOrder;
import io.github.camelkapso.consumer.polling.PollProfile.ValueKind;

/**
 * The polling facts of every consumer-capable list operation, from the Kapso API reference and the simulator: the
 * sort field each list is ordered on (its cursors record it), and the filter that narrows it, where one filters on that
 * same field.
 * <p>
 * Filters left out on purpose: workflow executions sort on started_at but filter created_after (an execution created
 * before the watermark may start after it); webhook deliveries and API logs only filter by coarse periods.
 */
final class PollProfiles {

    static final String QUERY_ROWS = "queryRows";

    private static final Map<String, PollProfile> PROFILES = Map.ofEntries(
            newestFirst("listMessages", "timestamp", "since"),
            newestFirst("listProjectMessages", "timestamp", null),
            newestFirst("listConversations", "last_active_at", "last_active_since"),
            newestFirst("listProjectConversations", "last_active_at", "last_active_after"),
            newestFirst("listContacts", "created_at", null),
            newestFirst("listProjectContacts", "created_at", "created_after"),
            newestFirst("listBroadcasts", "created_at", "created_after"),
            Map.entry("listBroadcastRecipients", new PollProfile("created_at", ValueKind.TIME, ListOrder.UNKNOWN, null)),
            newestFirst("listWebhookDeliveries", "created_at", null),
            newestFirst("listApiLogs", "created_at", null),
            newestFirst("listWorkflowExecutions", "started_at", null),
            newestFirst("listConversationWorkflowExecutions", "started_at", null),
            newestFirst("listEvents", "occurred_at", "occurred_after"),
            newestFirst("listCalls", "started_at", "since"));

    private PollProfiles() {
    }

    /** The profile of a list operation; for queryRows, ordered on {@code orderColumn} by the consumer's own query. */
    static Optional<PollProfile> of(String operationId, String orderColumn) {
        if (QUERY_ROWS.equals(operationId)) {
            return Optional.of(new PollProfile(orderColumn, ValueKind.ANY, ListOrder.OLDEST_FIRST, null));
        }
        return Optional.ofNullable(PROFILES.get(operationId));
    }

    private static Map.Entry<String, PollProfile> newestFirst(String id, String field, String sinceFilter) {
        return Map.entry(id, new PollProfile(field, ValueKind.TIME, ListOrder.NEWEST_FIRST, sinceFilter));
    }
}
