package io.github.camelkapso.simulator.ops.platform;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;

/**
 * Findings ({@code /findings}): recurring problems Kapso detects in conversations and investigates with AI. Kapso's
 * detection and investigator cannot run in the simulator: the project starts with three findings built from the
 * documented examples (an open, investigated one; a candidate; a quiet one) and an investigation's result is the
 * documented one. State changes are real. Rules:
 * <ul>
 * <li>the list holds only {@code candidate} and {@code open} findings that are not dismissed, most recently
 * qualified first, cursor-paginated with opaque cursors; {@code limit} outside 1-25 is 400 "Invalid limit
 * parameter" (not clamped); after with before is 400; every cursor key is present (null when absent);</li>
 * <li>get reads any finding, quiet and dismissed included; evidence returns the documented evidence shape; an
 * unknown id is 404 {@code {"error", "code": "finding_not_found"}};</li>
 * <li>start_investigation (202 {@code {finding_id, investigation_id, status: queued}}) is refused with 422
 * {@code investigation_unavailable} while an investigation is queued or running, when the latest one is completed
 * and covers the current evidence, or when the finding is dismissed; the investigation runs queued →
 * investigating ({@value #INVESTIGATING_AFTER_MS} ms) → completed ({@value #COMPLETED_AFTER_MS} ms), Kapso time
 * scaled by the time factor;</li>
 * <li>dismiss needs reason and note (422) and records a {@code dismissed} verification (trigger manual), which takes
 * the finding off the list;</li>
 * <li>mark_addressed needs a completed investigation covering the finding's current evidence revision (422
 * otherwise) and starts a {@code monitoring} verification.</li>
 * </ul>
 */
public final class FindingsModule implements SimulatorModule {

    static final long INVESTIGATING_AFTER_MS = 2_000;
    static final long COMPLETED_AFTER_MS = 30_000;

    private static final List<String> DETAIL_FIELDS = List.of("id", "source_type", "source_key", "signal_name", "direction",
            "status", "affected_count", "baseline_count", "current_rate", "baseline_rate", "evidence_revision",
            "last_observed_at", "window_start_at", "window_end_at", "last_qualified_at", "affected_unit", "workflow_id",
            "workflow_name", "verification", "related_findings", "investigation");

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        Store findings = ctx.state().store(PlatformStores.FINDINGS);
        for (ObjectNode f : List.of(FindingsSeed.frustratedUsers(ctx.clock().now()), FindingsSeed.recurringHandoffs(ctx.clock().now()),
                FindingsSeed.quietLookups(ctx.clock().now()))) {
            f.set("evidence", FindingsSeed.evidence(f));
            findings.put(f);
        }

        handlers.on("listFindings", r -> {
            String limit = r.query("limit");
            if (limit != null && !limit.matches("([1-9]|1[0-9]|2[0-5])")) {
                throw ApiError.platform(400, "Invalid limit parameter");
            }
            SimResponse page = Paging.cursor(r, Views.map(findings.newestFirst(FindingsModule::listed, "last_qualified_at"),
                    FindingsModule::summary), "last_qualified_at", false, 20, 25);
            ObjectNode paging = (ObjectNode) page.json().get("paging");
            ObjectNode cursors = (ObjectNode) paging.get("cursors");
            for (String k : List.of("before", "after")) {
                if (!cursors.has(k)) {
                    cursors.putNull(k);
                }
            }
            return page;
        });
        handlers.on("getFinding", r -> SimResponse.data(200, Views.only(require(findings, r), DETAIL_FIELDS)));
        handlers.on("getFindingEvidence", r -> {
            ObjectNode f = require(findings, r);
            ObjectNode evidence = f.get("evidence").deepCopy();
            evidence.set("finding", FindingsSeed.evidenceFinding(f));
            return SimResponse.data(200, evidence);
        });
        handlers.on("startFindingInvestigation", r -> {
            ObjectNode f = require(findings, r);
            JsonNode current = f.get("investigation");
            String state = current == null || current.isNull() ? null : current.path("status").asText();
            boolean covered = "completed".equals(state) && f.path("investigated_revision").asInt() >= f.path("evidence_revision").asInt();
            if ("queued".equals(state) || "investigating".equals(state) || covered || dismissed(f)) {
                throw findingsError(422, "The Finding is already being investigated or is not currently eligible.",
                        "investigation_unavailable");
            }
            ObjectNode investigation = FindingsSeed.investigation(ctx.clock().now(), f);
            f.set("investigation", investigation);
            String findingId = f.path("id").asText();
            String investigationId = investigation.path("id").asText();
            ctx.later(INVESTIGATING_AFTER_MS, () -> advance(findings, findingId, investigationId, "investigating", ctx));
            ctx.later(COMPLETED_AFTER_MS, () -> advance(findings, findingId, investigationId, "completed", ctx));
            ObjectNode accepted = SimState.object();
            accepted.put("finding_id", findingId);
            accepted.put("investigation_id", investigationId);
            accepted.put("status", "queued");
            return SimResponse.data(202, accepted);
        });
        handlers.on("dismissFinding", r -> {
            ObjectNode f = require(findings, r);
            ObjectNode body = r.attributes();
            for (String field : List.of("reason", "note")) {
                if (body.path(field).asText("").isBlank()) {
                    throw ApiError.platform(422, "param is missing or the value is empty: " + field);
                }
            }
            return SimResponse.data(200, verify(ctx, f, "dismissed"));
        });
        handlers.on("markFindingAddressed", r -> {
            ObjectNode f = require(findings, r);
            JsonNode investigation = f.get("investigation");
            boolean covered = investigation != null && "completed".equals(investigation.path("status").asText())
                              && f.path("investigated_revision").asInt() >= f.path("evidence_revision").asInt();
            if (!covered) {
                throw ApiError.platform(422, "Only completed investigations covering current evidence can be marked as addressed.");
            }
            return SimResponse.data(200, verify(ctx, f, "monitoring"));
        });
    }

    private static boolean listed(ObjectNode f) {
        String status = f.path("status").asText();
        return (status.equals("candidate") || status.equals("open")) && !dismissed(f);
    }

    private static boolean dismissed(ObjectNode f) {
        return "dismissed".equals(f.path("verification").path("status").asText());
    }

    private static ObjectNode summary(ObjectNode f) {
        ObjectNode s = Views.only(f, List.of("id", "signal_name", "direction", "status", "affected_count", "affected_unit",
                "last_observed_at"));
        s.put("related_findings_count", f.path("related_findings").size());
        JsonNode investigation = f.get("investigation");
        if (investigation == null || investigation.isNull()) {
            s.putNull("investigation");
        } else {
            ObjectNode i = Views.only((ObjectNode) investigation, List.of("status", "retryable", "retry_reason", "completed_at",
                    "error_message"));
            JsonNode result = investigation.path("result");
            i.put("cause_title", truncate(result.path("causes").path(0).path("title").asText(null), 100));
            i.put("summary", truncate(result.path("summary").asText(null), 200));
            s.set("investigation", i);
        }
        JsonNode verification = f.get("verification");
        s.set("verification", verification == null || verification.isNull() ? null
                : Views.only((ObjectNode) verification, List.of("status", "trigger_type", "completed_at")));
        return s;
    }

    private static ObjectNode require(Store findings, SimRequest r) {
        String id = r.path("finding_id");
        return findings.get(id).orElseThrow(() -> findingsError(404, "Finding not found in this project.", "finding_not_found"));
    }

    private static ApiError findingsError(int status, String message, String code) {
        ObjectNode body = SimState.object();
        body.put("error", message);
        body.put("code", code);
        return ApiError.raw(status, body);
    }

    private static void advance(Store findings, String findingId, String investigationId, String status, SimContext ctx) {
        findings.get(findingId).ifPresent(f -> {
            JsonNode i = f.get("investigation");
            if (i == null || !investigationId.equals(i.path("id").asText())) {
                return;
            }
            ObjectNode investigation = (ObjectNode) i;
            investigation.put("status", status);
            if (status.equals("completed")) {
                investigation.put("completed_at", ctx.clock().iso());
                investigation.set("result", FindingsSeed.result(f));
                f.put("investigated_revision", f.path("evidence_revision").asInt());
            }
        });
    }

    /** Records a verification of the finding and answers the mutation's {@code data}. */
    private static ObjectNode verify(SimContext ctx, ObjectNode f, String status) {
        String now = ctx.clock().iso();
        ObjectNode v = SimState.object();
        v.put("id", Ids.uuid());
        v.put("status", status);
        v.put("trigger_type", "manual");
        v.putNull("from_workflow_version");
        v.putNull("to_workflow_version");
        v.put("started_at", now);
        v.put("completed_at", status.equals("monitoring") ? null : now);
        f.set("verification", v);
        ObjectNode answer = SimState.object();
        answer.put("finding_id", f.path("id").asText());
        answer.put("verification_id", v.path("id").asText());
        answer.put("status", status);
        return answer;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
