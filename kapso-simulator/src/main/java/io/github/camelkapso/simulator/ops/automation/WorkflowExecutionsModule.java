package io.github.camelkapso.simulator.ops.automation;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.messaging.Messaging;
import io.github.camelkapso.simulator.ops.Crud;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.ops.QueryFilters;
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * Workflow executions and their events. How executions progress is {@link ExecutionEngine}'s documented rule.
 * Rules:
 * <ul>
 * <li>starting needs an active workflow (422), phone_number (8-15 digits) or recipient (a BSUID such as
 * US.13491208655302741918; 422 otherwise); phone_number_id must be a number of the project (422) and defaults to the
 * workflow's inbound_message trigger number, else the project's number; the execution is linked to the active
 * conversation with the participant (created when there is none);</li>
 * <li>starting answers 202 {message, workflow_id, id, tracking_id} with X-Burst-RateLimit-Limit/-Remaining; more than
 * 5 starts per second for one workflow is 429 (Retry-After: 1, Burst rate limit exceeded);</li>
 * <li>lists are newest first and filtered by status, waiting_reason, created_after, created_before and
 * whatsapp_conversation_id; they answer summaries (no context, no events); paging is by cursor (limit 1-100, default
 * 20), or legacy page/per_page with meta and X-Total headers when those are given ({@link ListPaging});</li>
 * <li>only getWorkflowExecution answers execution_context and the events (oldest first);</li>
 * <li>resume: 409 while a previous resume is still pending, 422 unless the execution is waiting; the input is stored in
 * the waiting step's save_response_to (default last_user_input), variables are merged into vars;</li>
 * <li>status updates: ended, handoff or waiting; from a terminal status (ended, failed, handoff) or to the same
 * status is 422 "Invalid transition from X to Y"; a handoff emits workflow.execution.handoff;</li>
 * <li>execution events list newest first, cursor-paginated, filtered by event_type;</li>
 * <li>a conversation's executions: 404 "Conversation not found" for an unknown conversation.</li>
 * </ul>
 */
public final class WorkflowExecutionsModule implements SimulatorModule {

    private static final Pattern BSUID = Pattern.compile("^[A-Z]{2}\\.(ENT\\.)?[A-Za-z0-9]+$");

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        Store workflows = ctx.state().store(AutomationStores.WORKFLOWS);
        Store triggers = ctx.state().store(AutomationStores.WORKFLOW_TRIGGERS);
        Store phones = ctx.state().store(Stores.PHONE_NUMBERS);
        Store conversations = ctx.state().store(Stores.CONVERSATIONS);
        ExecutionEngine engine = ExecutionEngine.of(ctx);
        Store executions = engine.executions();
        BurstLimiter burst = new BurstLimiter();

        handlers.on("startWorkflowExecution", r -> {
            ObjectNode wf = WorkflowsModule.require(workflows, r);
            BurstLimiter.Verdict verdict = burst.acquire(ctx.config().apiKey() + ":" + wf.path("id").asText(),
                    ctx.clock().now().toEpochMilli());
            if (!verdict.allowed()) {
                ObjectNode body = SimState.object();
                body.put("error", "Burst rate limit exceeded");
                body.put("message", "Too many workflow execution requests in a short period. Try again in 1 second.");
                return burstHeaders(SimResponse.json(429, body), verdict).header("Retry-After", "1");
            }
            ObjectNode attrs = r.attributes();
            if (!"active".equals(wf.path("status").asText())) {
                throw ApiError.unprocessable("Workflow is not active (status: " + wf.path("status").asText()
                                             + "); activate it before starting executions");
            }
            String phone = attrs.hasNonNull("phone_number") ? Messaging.digits(attrs.get("phone_number").asText()) : null;
            if (phone != null && (phone.length() < 8 || phone.length() > 15)) {
                throw ApiError.unprocessable("workflow_execution.phone_number must be an E.164 phone number (e.g. +14155552671)");
            }
            String recipient = attrs.hasNonNull("recipient") ? attrs.get("recipient").asText() : null;
            if (recipient != null && !BSUID.matcher(recipient).matches()) {
                throw ApiError.unprocessable("workflow_execution.recipient must be a business-scoped user id or parent BSUID "
                                             + "(e.g. US.13491208655302741918)");
            }
            if (phone == null && recipient == null) {
                throw ApiError.unprocessable("workflow_execution.phone_number or workflow_execution.recipient is required");
            }
            String phoneNumberId = attrs.hasNonNull("phone_number_id") ? attrs.get("phone_number_id").asText()
                    : defaultNumber(ctx, triggers, wf.path("id").asText());
            if (!phones.contains(phoneNumberId)) {
                throw ApiError.unprocessable("workflow_execution.phone_number_id " + phoneNumberId
                                             + " is not a WhatsApp number of this project");
            }
            ObjectNode ex = engine.start(wf, attrs, phoneNumberId, phone, recipient, r.header("User-Agent"));
            ObjectNode data = SimState.object();
            data.put("message", "Workflow execution initiated");
            data.put("workflow_id", wf.path("id").asText());
            data.put("id", ex.path("id").asText());
            data.put("tracking_id", ex.path("tracking_id").asText());
            return burstHeaders(SimResponse.data(202, data), verdict);
        });
        handlers.on("listWorkflowExecutions", r -> {
            ObjectNode wf = WorkflowsModule.require(workflows, r);
            String workflowId = wf.path("id").asText();
            return ListPaging.answer(r, summaries(executions, workflows,
                    QueryFilters.of(r).and(x -> workflowId.equals(x.path("workflow_id").asText()))), "started_at", false);
        });
        handlers.on("listConversationWorkflowExecutions", r -> {
            String conversationId = r.path("conversation_id");
            if (!conversations.contains(conversationId)) {
                throw ApiError.platform(404, "Conversation not found");
            }
            return ListPaging.answer(r, summaries(executions, workflows,
                    QueryFilters.of(r).and(x -> conversationId.equals(x.path("whatsapp_conversation_id").asText()))),
                    "started_at", false);
        });
        handlers.on("getWorkflowExecution", r ->
                SimResponse.data(200, ExecutionViews.detail(require(executions, r), workflows, engine.events())));
        handlers.on("resumeWorkflowExecution", r -> {
            ObjectNode ex = require(executions, r);
            if (engine.resumePending(ex)) {
                throw ApiError.conflict("A resume request is already pending for this execution; retry after a short delay");
            }
            if (!"waiting".equals(ex.path("status").asText())) {
                throw ApiError.unprocessable("Execution is not waiting (status: " + ex.path("status").asText() + ")");
            }
            JsonNode message = r.json().path("message");
            engine.resume(ex, message, r.json().get("variables"));
            return SimResponse.data(200, ExecutionViews.resumed(ex, workflows));
        });
        handlers.on("updateWorkflowExecutionStatus", r -> {
            ObjectNode ex = require(executions, r);
            String status = Crud.requireText(r.attributes(), "status", "workflow_execution");
            engine.changeStatus(ex, status);
            return SimResponse.data(200, ExecutionViews.minimal(ex, workflows));
        });
        handlers.on("listWorkflowExecutionEvents", r -> {
            ObjectNode ex = require(executions, r);
            String id = ex.path("id").asText();
            String type = r.query("event_type");
            List<Store.Entry> events = engine.events().newestFirst(e -> id.equals(e.path("execution_id").asText())
                                                                        && (type == null || type.isEmpty()
                                                                            || type.equals(e.path("event_type").asText())), "created_at")
                    .stream().map(e -> new Store.Entry(ExecutionViews.event(e.node()), e.seq())).collect(Collectors.toList());
            return Paging.cursor(r, events, "created_at", false, 20, 100);
        });
    }

    private static ObjectNode require(Store executions, SimRequest r) {
        return Crud.require(executions, r, "execution_id", "Workflow execution");
    }

    private static List<Store.Entry> summaries(Store executions, Store workflows, Predicate<ObjectNode> filter) {
        return executions.newestFirst(filter, "created_at").stream()
                .map(e -> new Store.Entry(ExecutionViews.summary(e.node(), workflows), e.seq())).collect(Collectors.toList());
    }

    private static String defaultNumber(SimContext ctx, Store triggers, String workflowId) {
        return WorkflowTriggersModule.of(triggers, workflowId).stream()
                .filter(t -> "inbound_message".equals(t.node().path("trigger_type").asText()))
                .map(t -> t.node().path("triggerable").path("phone_number_id").asText())
                .findFirst().orElse(ctx.config().phoneNumberId());
    }

    private static SimResponse burstHeaders(SimResponse response, BurstLimiter.Verdict verdict) {
        return response.header("X-Burst-RateLimit-Limit", String.valueOf(verdict.limit()))
                .header("X-Burst-RateLimit-Remaining", String.valueOf(verdict.remaining()));
    }
}
