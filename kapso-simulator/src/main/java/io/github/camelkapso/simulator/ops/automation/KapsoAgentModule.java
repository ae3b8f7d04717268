package io.github.camelkapso.simulator.ops.automation;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;

/**
 * The Kapso Agent API: modes (seeded from {@code automation/agent-modes.json}: api, findings-investigator, builder,
 * and the custom support-triage that needs approval to send messages), sessions and runs, whose life is
 * {@link AgentRuns}. The simulator cannot run the agent: a completed run answers a placeholder message (or, for a
 * finding investigation, a placeholder summary). Rules:
 * <ul>
 * <li>a run needs a mode (404 unknown) that is enabled and lists api in available_invocations (422), and an input with
 * prompt (finding_id for findings-investigator) (422); it answers 202 with status queued;</li>
 * <li>conversation_id continues a session of the same mode (404 otherwise), kind continue; without it a new session
 * starts (kind ask) titled after the prompt;</li>
 * <li>pause, resume, cancel, approve and reject follow the run's state machine; a move its state does not allow is
 * 409; an approval the run never asked for is 404;</li>
 * <li>sessions list by latest activity; both session lists and a session's runs use cursor paging when limit, after
 * or before is given and legacy page/per_page (page at most 50, else 400 legacy_offset_pagination_limit_exceeded)
 * otherwise, with meta {page, per_page, total_pages, total_count, has_next, total_count_estimated} and the page's
 * cursor paging ({@link ListPaging}); an unknown mode is 422 there; an unknown session is 404
 * {"message": "record_not_found", "detail": "Session not found."};</li>
 * <li>session runs omit their result (fetch the run for it).</li>
 * </ul>
 */
public final class KapsoAgentModule implements SimulatorModule {

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        AgentRuns lifecycle = new AgentRuns(ctx);
        Store runs = lifecycle.runs();
        Store sessions = lifecycle.sessions();

        handlers.on("listAgentModes", r -> {
            ArrayNode data = SimState.object().arrayNode();
            AgentModes.all().forEach(m -> data.add(m.deepCopy()));
            ObjectNode body = SimState.object();
            body.set("data", data);
            return SimResponse.json(200, body);
        });
        handlers.on("getAgentMode", r -> SimResponse.data(200, AgentModes.get(r.path("mode"))
                .orElseThrow(() -> ApiError.platform(404, "Mode " + r.path("mode") + " not found")).deepCopy()));
        handlers.on("listAgentModeSessions", r -> {
            String mode = r.path("mode");
            if (AgentModes.get(mode).isEmpty()) {
                throw ApiError.unprocessable("Unknown or inaccessible mode " + mode);
            }
            List<Store.Entry> list = sessions.newestFirst(s -> mode.equals(s.path("mode").asText()), "last_activity_at").stream()
                    .map(e -> new Store.Entry(sessionView(e.node()), e.seq())).collect(Collectors.toList());
            return ListPaging.answer(r, list, "last_activity_at", true);
        });
        handlers.on("getAgentSession", r -> {
            ObjectNode session = sessions.get(r.path("id")).orElseThrow(() -> {
                ObjectNode body = SimState.object();
                body.put("message", "record_not_found");
                body.put("detail", "Session not found.");
                return ApiError.raw(404, body);
            });
            String id = session.path("id").asText();
            List<Store.Entry> list = runs.newestFirst(x -> id.equals(x.path("conversation_id").asText()), "created_at").stream()
                    .map(e -> {
                        ObjectNode v = runView(e.node());
                        v.putNull("result");
                        return new Store.Entry(v, e.seq());
                    }).collect(Collectors.toList());
            SimResponse page = ListPaging.answer(r, list, "created_at", true);
            ObjectNode body = (ObjectNode) page.json();
            ObjectNode data = SimState.object();
            data.set("session", sessionView(session));
            data.set("runs", body.get("data"));
            body.set("data", data);
            return page;
        });
        handlers.on("createAgentRun", r -> {
            JsonNode body = r.json();
            String modeName = body.path("mode").asText();
            JsonNode mode = AgentModes.get(modeName).orElseThrow(() -> ApiError.platform(404, "Mode " + modeName + " not found"));
            if (!AgentModes.invocableByApi(mode)) {
                throw ApiError.unprocessable("Mode " + modeName + " cannot be triggered through the API (available_invocations: "
                                             + mode.path("available_invocations") + ")");
            }
            JsonNode input = body.path("input");
            String required = modeName.equals("findings-investigator") ? "finding_id" : "prompt";
            if (input.path(required).asText("").isBlank()) {
                throw ApiError.unprocessable("input." + required + " is required for mode " + modeName);
            }
            ObjectNode session;
            boolean continuing = body.hasNonNull("conversation_id");
            if (continuing) {
                String conversationId = body.get("conversation_id").asText();
                session = sessions.get(conversationId).filter(s -> modeName.equals(s.path("mode").asText()))
                        .orElseThrow(() -> ApiError.platform(404, "Session " + conversationId + " not found for mode " + modeName));
            } else {
                session = newSession(ctx, sessions, modeName, input);
            }
            session.put("run_count", session.path("run_count").asInt() + 1);
            ObjectNode run = lifecycle.create(mode, session, continuing, input, body.get("metadata"));
            return SimResponse.data(202, runView(run));
        });
        handlers.on("getAgentRun", r -> SimResponse.data(200, runView(requireRun(runs, r))));
        handlers.on("pauseAgentRun", r -> {
            ObjectNode run = requireRun(runs, r);
            lifecycle.pause(run);
            return SimResponse.data(200, runView(run));
        });
        handlers.on("resumeAgentRun", r -> {
            ObjectNode run = requireRun(runs, r);
            lifecycle.resume(run);
            return SimResponse.data(200, runView(run));
        });
        handlers.on("cancelAgentRun", r -> {
            ObjectNode run = requireRun(runs, r);
            lifecycle.cancel(run);
            return SimResponse.data(200, runView(run));
        });
        handlers.on("approveAgentRunTool", r -> {
            ObjectNode run = requireRun(runs, r);
            lifecycle.decide(run, r.path("approval_id"), true);
            return SimResponse.data(200, runView(run));
        });
        handlers.on("rejectAgentRunTool", r -> {
            ObjectNode run = requireRun(runs, r);
            lifecycle.decide(run, r.path("approval_id"), false);
            return SimResponse.data(200, runView(run));
        });
    }

    private static ObjectNode newSession(SimContext ctx, Store sessions, String mode, JsonNode input) {
        String id = Ids.uuid();
        String now = ctx.clock().iso();
        ObjectNode session = SimState.object();
        session.put("id", id);
        session.put("conversation_id", id);
        session.put("mode", mode);
        String prompt = input.path("prompt").asText(null);
        session.put("title", prompt == null ? "Investigate finding " + input.path("finding_id").asText()
                : prompt.strip().split("\n", 2)[0]);
        session.put("status", "active");
        session.put("created_at", now);
        session.put("run_count", 0);
        session.putNull("latest_run");
        session.put("last_activity_at", now);
        return sessions.put(session);
    }

    private static ObjectNode requireRun(Store runs, SimRequest r) {
        return runs.get(r.path("id")).orElseThrow(() -> ApiError.platform(404, "Run " + r.path("id") + " not found"));
    }

    static ObjectNode runView(ObjectNode run) {
        ObjectNode v = run.deepCopy();
        v.remove("id");
        v.remove("metadata");
        return v;
    }

    private static ObjectNode sessionView(ObjectNode session) {
        ObjectNode v = session.deepCopy();
        v.remove("id");
        v.remove("mode");
        return v;
    }
}
