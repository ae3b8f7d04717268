package io.github.camelkapso.simulator.ops.platform;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;

/**
 * The findings a fresh project has, built from Kapso's documented examples with fresh ids and times: Kapso's
 * monitoring and AI investigator cannot run here, so their results are the documented ones.
 */
final class FindingsSeed {

    static final String WORKFLOW_ID = "c0ffee00-1111-4222-8333-444455556666";
    static final String WORKFLOW_NAME = "Order support";

    private FindingsSeed() {
    }

    /** The documented open finding, investigated: users frustrated by a workflow asking twice for the order number. */
    static ObjectNode frustratedUsers(Instant now) {
        ObjectNode f = finding(now, "conversation.user_frustrated", "rising", "open", 42, 11, 0.18, 0.05, 3, Duration.ofHours(1));
        ObjectNode investigation = investigation(now.minus(Duration.ofMinutes(35)), f);
        investigation.put("status", "completed");
        investigation.put("completed_at", now.minus(Duration.ofMinutes(10)).toString());
        investigation.set("result", result(f));
        f.set("investigation", investigation);
        f.put("investigated_revision", 3);
        return f;
    }

    /** A candidate nobody investigated yet: handoffs recurring in the same workflow. */
    static ObjectNode recurringHandoffs(Instant now) {
        return finding(now, "conversation.handoff_requested", "recurring", "candidate", 14, 9, 0.07, 0.04, 1, Duration.ofHours(3));
    }

    /** A quiet finding: readable by id, not listed. */
    static ObjectNode quietLookups(Instant now) {
        return finding(now, "order.lookup_failed", "falling", "quiet", 3, 12, 0.01, 0.05, 2, Duration.ofDays(2));
    }

    /** A new investigation of the finding, queued, with an empty result. */
    static ObjectNode investigation(Instant createdAt, ObjectNode finding) {
        ObjectNode i = SimState.object();
        i.put("id", Ids.uuid());
        i.put("status", "queued");
        i.put("retryable", false);
        i.putNull("retry_reason");
        i.putNull("error_message");
        i.put("created_at", createdAt.toString());
        i.putNull("completed_at");
        i.set("workflow_id", finding.get("workflow_id").deepCopy());
        i.set("workflow_name", finding.get("workflow_name").deepCopy());
        ObjectNode empty = i.putObject("result");
        empty.putNull("summary");
        empty.putArray("alternative_explanations");
        empty.putArray("coverage_limitations");
        empty.putArray("affected_components");
        empty.putArray("causes");
        empty.putArray("suggested_fixes");
        return i;
    }

    /** The documented investigation result, about the given finding's signal. */
    static ObjectNode result(ObjectNode finding) {
        ObjectNode result = SimState.object();
        result.put("summary", "Users repeat themselves when the workflow loses the order number.");
        result.putArray("alternative_explanations");
        result.putArray("coverage_limitations");
        result.putArray("affected_components").add(WORKFLOW_NAME);
        ObjectNode cause = result.putArray("causes").addObject();
        cause.put("title", "Checkout step asks for the order number twice");
        cause.put("explanation", "The confirm node does not read the value captured earlier.");
        cause.put("confidence", "high");
        ObjectNode ref = cause.putArray("evidence_references").addObject();
        ref.put("source_type", "project_event");
        ref.put("source_id", Ids.uuid());
        ref.put("observation", "User resent the order number after the confirm prompt.");
        ref.set("occurred_at", finding.get("last_observed_at").deepCopy());
        ObjectNode fix = result.putArray("suggested_fixes").addObject();
        fix.put("title", "Reuse the captured order number in the confirm node");
        fix.put("priority", "primary");
        fix.put("category", "workflow");
        fix.put("change", "Read `order_number` from state instead of prompting again.");
        fix.put("verification", "Frustration events should drop below the 5% baseline.");
        fix.putObject("target").put("name", WORKFLOW_NAME).put("location", "Confirm order node");
        fix.putArray("evidence_references");
        return result;
    }

    /** The finding as its evidence describes it (current status and figures). */
    static ObjectNode evidenceFinding(ObjectNode f) {
        ObjectNode finding = SimState.object();
        for (String k : new String[] {"id", "source_type", "source_key", "signal_name", "direction", "status", "window_start_at",
                "window_end_at", "affected_count", "baseline_count", "current_rate", "baseline_rate", "last_observed_at"}) {
            finding.set(k, f.get(k).deepCopy());
        }
        return finding;
    }

    /** The documented evidence of a finding, with its own figures. */
    static ObjectNode evidence(ObjectNode f) {
        ObjectNode e = SimState.object();
        e.set("finding", evidenceFinding(f));
        ObjectNode definition = e.putObject("event_definition");
        definition.put("id", f.path("event_definition_id").asText());
        definition.put("name", f.path("signal_name").asText());
        definition.putNull("display_name");
        definition.putNull("description");
        definition.putNull("property_schema");
        int affected = f.path("affected_count").asInt();
        int returned = Math.min(affected, 50);
        ObjectNode coverage = e.putObject("coverage");
        coverage.put("source_event_count", affected);
        coverage.put("source_events_returned", Math.min(affected, 100));
        coverage.put("affected_conversations_returned", returned);
        coverage.put("comparison_conversations_returned", 1);
        coverage.put("source_event_limit", 100);
        coverage.put("affected_conversation_limit", 50);
        coverage.put("comparison_conversation_limit", 20);
        coverage.putNull("note");
        e.putObject("workflow").put("id", WORKFLOW_ID).put("name", WORKFLOW_NAME);
        e.putArray("daily_history").addObject()
                .put("bucket_on", f.path("last_observed_at").asText().substring(0, 10))
                .put("event_count", affected)
                .put("conversation_count", affected);
        String conversation = Ids.uuid();
        ObjectNode source = e.putArray("source_events").addObject();
        source.put("id", Ids.uuid());
        source.put("name", f.path("signal_name").asText());
        source.set("observed_at", f.get("last_observed_at").deepCopy());
        source.set("occurred_at", f.get("last_observed_at").deepCopy());
        source.put("conversation_id", conversation);
        source.putObject("properties").put("turn", 6);
        source.putNull("whatsapp_config");
        ObjectNode workflow = source.putObject("source_workflow");
        workflow.put("workflow_id", WORKFLOW_ID);
        workflow.put("execution_id", Ids.uuid());
        workflow.put("snapshot_id", Ids.uuid());
        workflow.put("snapshot_version", 12);
        workflow.put("test_mode", false);
        e.putArray("affected_conversation_ids").add(conversation);
        e.putArray("comparison_conversation_ids").add(Ids.uuid());
        e.putArray("co_occurring_events").addObject().put("name", "conversation.handoff_requested").put("event_count", 14);
        e.putArray("grouped_findings");
        e.putArray("evidence_by_finding");
        return e;
    }

    private static ObjectNode finding(Instant now, String signal, String direction, String status, int affected, int baseline,
                                      double currentRate, double baselineRate, int revision, Duration observedAgo) {
        Instant observed = now.minus(observedAgo);
        ObjectNode f = SimState.object();
        f.put("id", Ids.uuid());
        f.put("source_type", "project_event");
        f.put("source_key", signal);
        f.put("signal_name", signal);
        f.put("direction", direction);
        f.put("status", status);
        f.put("affected_count", affected);
        f.put("baseline_count", baseline);
        f.put("current_rate", currentRate);
        f.put("baseline_rate", baselineRate);
        f.put("evidence_revision", revision);
        f.put("last_observed_at", observed.toString());
        f.put("window_start_at", observed.minus(Duration.ofDays(7)).toString());
        f.put("window_end_at", observed.toString());
        f.put("last_qualified_at", observed.plus(Duration.ofMinutes(3)).toString());
        f.put("affected_unit", "conversations");
        f.put("workflow_id", WORKFLOW_ID);
        f.put("workflow_name", WORKFLOW_NAME);
        f.putNull("verification");
        f.putArray("related_findings");
        f.putNull("investigation");
        f.put("event_definition_id", Ids.uuid());
        f.put("investigated_revision", 0);
        return f;
    }
}
