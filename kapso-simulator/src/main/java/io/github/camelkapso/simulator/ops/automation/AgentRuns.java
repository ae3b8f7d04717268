package io.github.camelkapso.simulator.ops.automation;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;

/**
 * The life of a Kapso Agent run. queued → running after 200 ms and → completed after 2 s more (scaled), unless its
 * mode requires approval for a tool: then it stops at waiting_for_approval until approved (running, then completed)
 * or rejected (running, then completed with a reply saying so). pause (from queued, running, waiting_for_approval),
 * resume (from paused, back where it was) and cancel (from any state but completed, failed, cancelled) are the
 * other moves; any other move is 409. The simulator cannot think: the result is a placeholder message.
 */
final class AgentRuns {

    static final long QUEUED_MS = 200;
    static final long RUNNING_MS = 2_000;
    private static final Set<String> PAUSABLE = Set.of("queued", "running", "waiting_for_approval");
    private static final Set<String> FINISHED = Set.of("completed", "failed", "cancelled");

    private final SimContext ctx;
    private final Store runs;
    private final Store sessions;
    private final Map<String, Integer> generations = new HashMap<>();
    private final Map<String, String> pausedFrom = new HashMap<>();
    private final Map<String, String> decisions = new HashMap<>();
    private final Map<String, String> approvals = new HashMap<>();

    AgentRuns(SimContext ctx) {
        this.ctx = ctx;
        this.runs = ctx.state().store(AutomationStores.AGENT_RUNS);
        this.sessions = ctx.state().store(AutomationStores.AGENT_SESSIONS);
    }

    Store runs() {
        return runs;
    }

    Store sessions() {
        return sessions;
    }

    ObjectNode create(JsonNode mode, ObjectNode session, boolean continuing, JsonNode input, JsonNode metadata) {
        String id = Ids.uuid();
        String now = ctx.clock().iso();
        String prompt = input.hasNonNull("prompt") ? input.get("prompt").asText() : null;
        ObjectNode run = SimState.object();
        run.put("run_id", id);
        run.put("id", id);
        run.put("conversation_id", session.path("id").asText());
        run.put("status", "queued");
        run.put("mode", mode.path("mode").asText());
        run.put("title", title(prompt, input));
        run.put("kind", continuing ? "continue" : "ask");
        run.put("prompt", prompt);
        run.set("provider_model", mode.get("model"));
        run.set("reasoning_effort", mode.get("reasoning_effort"));
        run.putNull("error_message");
        run.put("ai_cost_microdollars", 0);
        run.putNull("result");
        run.putNull("pending_approval");
        run.put("created_at", now);
        run.putNull("started_at");
        run.putNull("paused_at");
        run.putNull("finished_at");
        run.put("status_url", "/platform/v1/kapso-agent/runs/" + id);
        if (input.hasNonNull("finding_id")) {
            run.putObject("finding").put("id", input.get("finding_id").asText()).put("investigation_id", Ids.uuid());
        }
        run.set("metadata", metadata == null || metadata.isNull() ? SimState.object() : metadata.deepCopy());
        runs.put(run);
        touchSession(session, run);
        schedule(run, QUEUED_MS, () -> start(run));
        return run;
    }

    void pause(ObjectNode run) {
        String status = run.path("status").asText();
        if (!PAUSABLE.contains(status)) {
            throw conflict("paused", status);
        }
        generations.merge(run.path("id").asText(), 1, Integer::sum);
        pausedFrom.put(run.path("id").asText(), status);
        run.put("status", "paused");
        run.put("paused_at", ctx.clock().iso());
        touchSession(run);
    }

    void resume(ObjectNode run) {
        String status = run.path("status").asText();
        if (!"paused".equals(status)) {
            throw conflict("resumed", status);
        }
        String back = pausedFrom.getOrDefault(run.path("id").asText(), "running");
        run.put("status", back);
        run.putNull("paused_at");
        if (back.equals("queued")) {
            schedule(run, QUEUED_MS, () -> start(run));
        } else if (back.equals("running")) {
            schedule(run, RUNNING_MS, () -> finish(run));
        }
        touchSession(run);
    }

    void cancel(ObjectNode run) {
        String status = run.path("status").asText();
        if (FINISHED.contains(status)) {
            throw conflict("cancelled", status);
        }
        generations.merge(run.path("id").asText(), 1, Integer::sum);
        run.put("status", "cancelled");
        run.putNull("pending_approval");
        run.put("finished_at", ctx.clock().iso());
        touchSession(run);
    }

    /** Approves or rejects tool call {@code approvalId}: 404 when the run never asked it, 409 unless it is pending. */
    void decide(ObjectNode run, String approvalId, boolean approve) {
        String id = run.path("id").asText();
        if (!id.equals(approvals.get(approvalId))) {
            throw ApiError.platform(404, "Approval " + approvalId + " not found on run " + id);
        }
        JsonNode pending = run.get("pending_approval");
        if (!"waiting_for_approval".equals(run.path("status").asText()) || pending == null
            || !approvalId.equals(pending.path("id").asText())) {
            throw conflict(approve ? "approved" : "rejected", run.path("status").asText()
                    + (decisions.containsKey(id) ? " and the tool call was already decided" : ""));
        }
        decisions.put(id, (approve ? "approved:" : "rejected:") + pending.path("tool_name").asText());
        run.putNull("pending_approval");
        run.put("status", "running");
        schedule(run, RUNNING_MS, () -> finish(run));
        touchSession(run);
    }

    private void start(ObjectNode run) {
        run.put("status", "running");
        run.put("started_at", ctx.clock().iso());
        touchSession(run);
        schedule(run, RUNNING_MS, () -> finish(run));
    }

    private void finish(ObjectNode run) {
        String id = run.path("id").asText();
        String tool = AgentModes.get(run.path("mode").asText()).map(AgentModes::approvalTool).orElse(null);
        if (tool != null && !decisions.containsKey(id)) {
            ObjectNode approval = SimState.object();
            approval.put("id", Ids.uuid());
            approvals.put(approval.path("id").asText(), id);
            approval.put("status", "pending");
            approval.put("tool_name", tool);
            approval.putObject("parameters")
                    .put("summary", "Tool call proposed by the simulated agent for: " + run.path("title").asText());
            approval.put("created_at", ctx.clock().iso());
            run.set("pending_approval", approval);
            run.put("status", "waiting_for_approval");
            touchSession(run);
            return;
        }
        String decision = decisions.getOrDefault(id, "");
        ObjectNode result = SimState.object();
        if (run.has("finding")) {
            result.put("type", "finding_investigation");
            result.putObject("data").put("finding_id", run.path("finding").path("id").asText())
                    .put("summary", "Simulated investigation: the simulator cannot analyse findings.");
        } else {
            result.put("type", "message");
            result.put("message_id", Ids.uuid());
            result.put("content", decision.startsWith("rejected:")
                    ? "The " + decision.substring(9) + " call was rejected, so I did not perform it. (Simulated answer.)"
                    : "Simulated answer to: " + run.path("prompt").asText(run.path("title").asText()));
        }
        run.set("result", result);
        run.put("status", "completed");
        run.put("finished_at", ctx.clock().iso());
        touchSession(run);
    }

    private void schedule(ObjectNode run, long delay, Runnable step) {
        String id = run.path("id").asText();
        int generation = generations.merge(id, 1, Integer::sum);
        ctx.later(delay, () -> {
            if (generations.get(id) == generation) {
                step.run();
            }
        });
    }

    private void touchSession(ObjectNode run) {
        sessions.get(run.path("conversation_id").asText()).ifPresent(s -> touchSession(s, run));
    }

    private void touchSession(ObjectNode session, ObjectNode run) {
        ObjectNode latest = session.putObject("latest_run");
        latest.put("run_id", run.path("run_id").asText());
        latest.put("status", run.path("status").asText());
        latest.put("created_at", run.path("created_at").asText());
        session.put("status", "paused".equals(run.path("status").asText()) ? "paused" : "active");
        session.put("last_activity_at", ctx.clock().iso());
    }

    private static ApiError conflict(String move, String status) {
        return ApiError.conflict("Run cannot be " + move + " while it is " + status);
    }

    private static String title(String prompt, JsonNode input) {
        if (prompt == null) {
            return input.hasNonNull("finding_id") ? "Investigate finding " + input.get("finding_id").asText() : null;
        }
        String line = prompt.strip().split("\n", 2)[0];
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }
}
