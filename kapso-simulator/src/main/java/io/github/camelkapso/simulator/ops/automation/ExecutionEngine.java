package io.github.camelkapso.simulator.ops.automation;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.messaging.Messaging;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * Runs workflow executions on the graph they started with. The simulator's rule: after a step delay (500 ms, scaled)
 * the execution walks from its current step along each node's first outgoing edge, performing each node, until it
 * must wait or ends:
 * <ul>
 * <li>start, decide (first edge), webhook and call (not performed: no outbound HTTP, no child execution) pass on;</li>
 * <li>send_text / send_template / send_interactive send through the conversation model (24-hour window rules
 * apply; a refused send fails the execution); {@code {{vars.x}}}, {@code {{context.x}}}, {@code {{system.x}}} are
 * interpolated in messages;</li>
 * <li>set_variable sets vars (value_type string, number, boolean or json); emit_event records an event;</li>
 * <li>function invokes a deployed function with {vars, context, system} and stores its answer in save_response_to;
 * a missing, undeployed or failing function fails the execution;</li>
 * <li>wait_for_response and agent make the execution waiting (waiting_reason wait_for_response / agent);</li>
 * <li>handoff ends it in status handoff; a node without outgoing edge ends it (status ended);</li>
 * <li>no start node, an edge to a missing node or more than 100 steps without waiting fail it.</li>
 * </ul>
 * Failed and handed-off executions emit the project events workflow.execution.failed / workflow.execution.handoff.
 */
final class ExecutionEngine {

    static final long STEP_DELAY_MS = 500;
    static final int MAX_STEPS = 100;
    private static final Set<String> TERMINAL = Set.of("ended", "failed", "handoff");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");

    /** Where an execution picks up: run {@code nodeId} itself, or follow the edge after it. */
    private record Cursor(String nodeId, boolean after) {
    }

    private enum Outcome { CONTINUE, WAIT, STOP }

    private final SimContext ctx;
    private final Store workflows;
    private final Store executions;
    private final Store events;
    private final WorkflowDefinitions definitions;
    private final Map<String, ObjectNode> snapshots = new HashMap<>();
    private final Map<String, Integer> generations = new HashMap<>();
    private final Map<String, Cursor> cursors = new HashMap<>();
    private final Set<String> pendingResumes = new HashSet<>();

    private ExecutionEngine(SimContext ctx) {
        this.ctx = ctx;
        this.workflows = ctx.state().store(AutomationStores.WORKFLOWS);
        this.executions = ctx.state().store(AutomationStores.WORKFLOW_EXECUTIONS);
        this.events = ctx.state().store(AutomationStores.WORKFLOW_EVENTS);
        this.definitions = WorkflowDefinitions.of(ctx);
    }

    static ExecutionEngine of(SimContext ctx) {
        return ctx.shared(ExecutionEngine.class, () -> new ExecutionEngine(ctx));
    }

    Store executions() {
        return executions;
    }

    Store events() {
        return events;
    }

    /**
     * Starts an execution (status running); its first step runs after the step delay.
     *
     * @param phone E.164 digits of the participant, or null when only a BSUID recipient was given
     */
    ObjectNode start(ObjectNode wf, ObjectNode attrs, String phoneNumberId, String phone, String recipient, String userAgent) {
        String id = Ids.uuid();
        String workflowId = wf.path("id").asText();
        String now = ctx.clock().iso();
        WorkflowGraph graph = definitions.graph(workflowId);
        snapshots.put(id, graph.json().deepCopy());
        ObjectNode ex = SimState.object();
        ex.put("id", id);
        ex.put("workflow_id", workflowId);
        ex.put("status", "running");
        ex.putNull("waiting_reason");
        ex.put("tracking_id", Ids.uuid());
        ex.putNull("whatsapp_conversation_id");
        ex.put("phone_number_id", phoneNumberId);
        ex.put("phone_number", phone);
        ex.put("started_at", now);
        ex.put("created_at", now);
        ex.put("last_event_at", now);
        ex.putNull("ended_at");
        ex.set("current_step", graph.start().map(n -> (JsonNode) definitions.stepReference(workflowId, n)).orElse(null));
        ex.putNull("error_details");
        if (phone != null) {
            ObjectNode conversation = Messaging.of(ctx).conversation(phoneNumberId, phone, new boolean[1]);
            ex.put("whatsapp_conversation_id", conversation.path("id").asText());
        }
        ObjectNode context = ex.putObject("execution_context");
        context.set("vars", attrs.has("variables") ? attrs.get("variables").deepCopy() : SimState.object());
        ObjectNode system = context.putObject("system");
        system.put("trigger_type", "api_call");
        system.put("tracking_id", ex.path("tracking_id").asText());
        system.put("flow_id", workflowId);
        system.put("started_at", now);
        ObjectNode ctxData = context.putObject("context");
        ctxData.put("channel", "api");
        if (phone != null) {
            ctxData.put("phone_number", "+" + phone);
        }
        if (recipient != null) {
            ctxData.put("business_scoped_user_id", recipient);
        }
        ctxData.put("phone_number_id", phoneNumberId);
        if (attrs.path("context").isObject()) {
            ctxData.setAll((ObjectNode) attrs.get("context").deepCopy());
        }
        ObjectNode metadata = context.putObject("metadata");
        ObjectNode request = metadata.putObject("request");
        request.put("ip", "127.0.0.1");
        request.put("user_agent", userAgent);
        request.put("timestamp", now);
        if (attrs.path("initial_data").isObject()) {
            metadata.set("initial_data", attrs.get("initial_data").deepCopy());
        }
        executions.put(ex);
        wf.put("execution_count", wf.path("execution_count").asInt() + 1);
        wf.put("last_executed_at", now);
        event(ex, "execution_started", null, null, SimState.object());
        schedule(ex, new Cursor(graph.start().map(n -> n.path("id").asText()).orElse(null), false));
        return ex;
    }

    /** Whether a resume was accepted and has not been processed yet. */
    boolean resumePending(ObjectNode ex) {
        return pendingResumes.contains(ex.path("id").asText());
    }

    /** Feeds a waiting execution: merges variables, stores the input, continues after the step delay. */
    void resume(ObjectNode ex, JsonNode message, JsonNode variables) {
        String id = ex.path("id").asText();
        ObjectNode vars = ex.with("execution_context").with("vars");
        if (variables != null && variables.isObject()) {
            vars.setAll((ObjectNode) variables.deepCopy());
        }
        String current = ex.path("current_step").path("identifier").asText(null);
        String saveTo = current == null ? null : graph(id).node(current)
                .map(n -> WorkflowGraph.config(n).path("save_response_to").asText("")).orElse("");
        vars.set(saveTo == null || saveTo.isEmpty() ? "last_user_input" : saveTo, message.path("data").deepCopy());
        Cursor cursor = cursors.remove(id);
        if (cursor == null) {
            cursor = new Cursor(current, true);
        }
        ex.put("status", "running");
        ex.putNull("waiting_reason");
        pendingResumes.add(id);
        ObjectNode payload = SimState.object();
        payload.put("kind", message.path("kind").asText("payload"));
        payload.set("data", message.path("data").deepCopy());
        event(ex, "user_input_received", stepNode(ex), null, payload);
        schedule(ex, cursor);
    }

    /** A manual status change (ended, handoff, waiting); terminal executions and same-status changes are 422. */
    void changeStatus(ObjectNode ex, String to) {
        String from = ex.path("status").asText();
        if (TERMINAL.contains(from) || from.equals(to)) {
            throw ApiError.unprocessable("Invalid transition from " + from + " to " + to);
        }
        String id = ex.path("id").asText();
        generations.merge(id, 1, Integer::sum);
        pendingResumes.remove(id);
        ObjectNode payload = SimState.object();
        payload.put("from", from);
        payload.put("to", to);
        event(ex, "status_changed", stepNode(ex), null, payload);
        switch (to) {
            case "ended":
                cursors.remove(id);
                end(ex);
                break;
            case "handoff":
                cursors.remove(id);
                handoff(ex, "Execution status set to handoff through the API");
                break;
            default:
                ex.put("status", "waiting");
                ex.put("waiting_reason", "manual");
        }
    }

    private void schedule(ObjectNode ex, Cursor cursor) {
        String id = ex.path("id").asText();
        int generation = generations.merge(id, 1, Integer::sum);
        cursors.put(id, cursor);
        ctx.later(STEP_DELAY_MS, () -> {
            if (generations.get(id) != generation || !executions.contains(id)) {
                return;
            }
            cursors.remove(id);
            pendingResumes.remove(id);
            if (cursor.after()) {
                follow(ex, cursor.nodeId());
            } else {
                run(ex, cursor.nodeId());
            }
        });
    }

    private WorkflowGraph graph(String executionId) {
        return new WorkflowGraph(snapshots.get(executionId));
    }

    /** Follows the edge leaving {@code nodeId}; ends the execution when there is none. */
    private void follow(ObjectNode ex, String nodeId) {
        WorkflowGraph graph = graph(ex.path("id").asText());
        Optional<ObjectNode> edge = nodeId == null ? Optional.empty() : graph.next(nodeId);
        if (edge.isEmpty()) {
            end(ex);
            return;
        }
        run(ex, edge.get().path("target").asText());
    }

    private void run(ObjectNode ex, String startId) {
        String id = ex.path("id").asText();
        WorkflowGraph graph = graph(id);
        if (startId == null) {
            fail(ex, "Workflow definition is malformed: it has no start node", null);
            return;
        }
        String nodeId = startId;
        for (int steps = 0; steps < MAX_STEPS; steps++) {
            Optional<ObjectNode> found = graph.node(nodeId);
            if (found.isEmpty()) {
                fail(ex, "Workflow definition is malformed: step " + nodeId + " does not exist", null);
                return;
            }
            ObjectNode node = found.get();
            ex.set("current_step", definitions.stepReference(ex.path("workflow_id").asText(), node));
            event(ex, "step_entered", node, null, SimState.object());
            Outcome outcome = perform(ex, node);
            if (outcome != Outcome.CONTINUE) {
                return;
            }
            Optional<ObjectNode> edge = graph.next(nodeId);
            event(ex, "step_completed", node, edge.map(e -> e.path("label").asText()).orElse(null), SimState.object());
            if (edge.isEmpty()) {
                end(ex);
                return;
            }
            nodeId = edge.get().path("target").asText();
        }
        fail(ex, "Execution exceeded " + MAX_STEPS + " steps without waiting (is there a loop in the workflow?)", null);
    }

    private Outcome perform(ObjectNode ex, ObjectNode node) {
        JsonNode config = WorkflowGraph.config(node);
        switch (WorkflowGraph.type(node)) {
            case "send_text": {
                ObjectNode message = SimState.object();
                message.put("type", "text");
                message.putObject("text").put("body", interpolate(ex, config.path("message").asText("")));
                return send(ex, node, message);
            }
            case "send_template":
                return sendTemplate(ex, node, config);
            case "send_interactive": {
                ObjectNode message = SimState.object();
                message.put("type", "interactive");
                ObjectNode interactive = message.putObject("interactive");
                interactive.put("type", config.path("interactive_type").asText("button"));
                interactive.putObject("body").put("text", interpolate(ex, config.path("body_text").asText("")));
                ObjectNode action = interactive.putObject("action");
                if (config.path("buttons").isArray()) {
                    action.set("buttons", config.get("buttons").deepCopy());
                }
                return send(ex, node, message);
            }
            case "wait_for_response":
            case "agent":
                ex.put("status", "waiting");
                ex.put("waiting_reason", WorkflowGraph.type(node));
                return Outcome.WAIT;
            case "handoff":
                handoff(ex, config.path("reason").asText(null));
                return Outcome.STOP;
            case "function":
                return callFunction(ex, node, config);
            case "set_variable": {
                JsonNode value = config.path("variable_value");
                ex.with("execution_context").with("vars").set(config.path("variable_name").asText(), coerce(ex, value,
                        config.path("value_type").asText("string")));
                event(ex, "variables_set", node, null, SimState.object().put("name", config.path("variable_name").asText()));
                return Outcome.CONTINUE;
            }
            case "emit_event": {
                ObjectNode payload = SimState.object();
                payload.put("event_name", config.path("event_name").asText());
                payload.set("properties", config.path("properties").deepCopy());
                event(ex, "event_emitted", node, null, payload);
                return Outcome.CONTINUE;
            }
            case "webhook":
            case "call":
                event(ex, "action_performed", node, null, SimState.object().put("simulated", true)
                        .put("note", "the simulator does not perform " + WorkflowGraph.type(node) + " steps"));
                return Outcome.CONTINUE;
            default:
                return Outcome.CONTINUE;
        }
    }

    private Outcome sendTemplate(ObjectNode ex, ObjectNode node, JsonNode config) {
        String wanted = config.path("template_name").asText(config.path("template_id").asText(""));
        Optional<ObjectNode> template = ctx.state().store(Stores.TEMPLATES).find(t -> wanted.equals(t.path("id").asText())
                                                                                      || wanted.equals(t.path("name").asText()));
        if (template.isEmpty()) {
            fail(ex, "Template " + wanted + " not found", node);
            return Outcome.STOP;
        }
        ObjectNode message = SimState.object();
        message.put("type", "template");
        ObjectNode t = message.putObject("template");
        t.put("name", template.get().path("name").asText());
        t.putObject("language").put("code", template.get().path("language").asText("en_US"));
        return send(ex, node, message);
    }

    private Outcome send(ObjectNode ex, ObjectNode node, ObjectNode message) {
        JsonNode config = WorkflowGraph.config(node);
        String phoneNumberId = config.path("phone_number_id").asText("");
        if (phoneNumberId.isEmpty()) {
            phoneNumberId = ex.path("phone_number_id").asText();
        }
        String to = config.hasNonNull("to_phone_number") ? Messaging.digits(config.get("to_phone_number").asText())
                : ex.path("phone_number").asText(null);
        if (to == null || to.isEmpty()) {
            event(ex, "action_performed", node, null,
                    SimState.object().put("skipped", "no phone number to send to (BSUID-only execution)"));
            return Outcome.CONTINUE;
        }
        message.put("messaging_product", "whatsapp");
        message.put("to", to);
        try {
            ObjectNode sent = Messaging.of(ctx).send(phoneNumberId, message);
            if (ex.path("whatsapp_conversation_id").isNull()) {
                ex.put("whatsapp_conversation_id", sent.path("kapso").path("whatsapp_conversation_id").asText());
            }
            event(ex, "action_performed", node, null,
                    SimState.object().put("message_id", sent.path("id").asText()).put("type", message.path("type").asText()));
            return Outcome.CONTINUE;
        } catch (ApiError e) {
            JsonNode error = e.body().path("error");
            String detail = error.isObject()
                    ? error.path("message").asText() + ": " + error.path("error_data").path("details").asText()
                    : error.asText();
            event(ex, "action_failed", node, null, SimState.object().put("error", detail));
            fail(ex, "Sending the message failed: " + detail, node);
            return Outcome.STOP;
        }
    }

    private Outcome callFunction(ObjectNode ex, ObjectNode node, JsonNode config) {
        String functionId = config.path("function_id").asText();
        FunctionRuntime runtime = FunctionRuntime.of(ctx);
        Optional<ObjectNode> fn = runtime.functions().get(functionId);
        if (fn.isEmpty()) {
            fail(ex, "Function " + functionId + " not found", node);
            return Outcome.STOP;
        }
        if (!FunctionRuntime.deployed(fn.get())) {
            fail(ex, "Function " + fn.get().path("name").asText() + " is not deployed", node);
            return Outcome.STOP;
        }
        ObjectNode request = SimState.object();
        JsonNode context = ex.path("execution_context");
        request.set("vars", context.path("vars").deepCopy());
        request.set("context", context.path("context").deepCopy());
        request.set("system", context.path("system").deepCopy());
        FunctionRuntime.Invocation result = runtime.invoke(fn.get(), request);
        if (!result.succeeded()) {
            event(ex, "action_failed", node, null,
                    SimState.object().put("invocation_id", result.id()).put("error", result.error()));
            fail(ex, "Function " + fn.get().path("name").asText() + " failed: " + result.error(), node);
            return Outcome.STOP;
        }
        String saveTo = config.path("save_response_to").asText("");
        if (!saveTo.isEmpty()) {
            ex.with("execution_context").with("vars").set(saveTo, result.body().deepCopy());
        }
        event(ex, "action_performed", node, null, SimState.object().put("invocation_id", result.id()));
        return Outcome.CONTINUE;
    }

    private void end(ObjectNode ex) {
        ex.put("status", "ended");
        ex.putNull("waiting_reason");
        ex.put("ended_at", ctx.clock().iso());
        event(ex, "execution_ended", stepNode(ex), null, SimState.object());
    }

    private void handoff(ObjectNode ex, String reason) {
        ex.put("status", "handoff");
        ex.putNull("waiting_reason");
        ex.put("ended_at", ctx.clock().iso());
        event(ex, "execution_handoff", stepNode(ex), null, SimState.object().put("reason", reason));
        ObjectNode payload = projectEvent(ex, "workflow.execution.handoff");
        ObjectNode handoff = payload.putObject("handoff");
        handoff.put("reason", reason);
        handoff.put("source", "action_step");
        emit(ex, "workflow.execution.handoff", payload);
    }

    private void fail(ObjectNode ex, String message, ObjectNode node) {
        ex.put("status", "failed");
        ex.putNull("waiting_reason");
        ex.put("ended_at", ctx.clock().iso());
        ObjectNode details = SimState.object();
        details.put("message", message);
        details.put("step_identifier", node == null ? null : node.path("id").asText());
        ex.set("error_details", details);
        event(ex, "execution_failed", node, null, SimState.object().put("error", message));
        ObjectNode payload = projectEvent(ex, "workflow.execution.failed");
        payload.putObject("error").put("message", message);
        emit(ex, "workflow.execution.failed", payload);
    }

    private ObjectNode projectEvent(ObjectNode ex, String type) {
        ObjectNode payload = SimState.object();
        payload.put("event", type);
        payload.put("occurred_at", ctx.clock().iso());
        payload.put("project_id", ctx.state().projectId());
        payload.put("workflow_id", ex.path("workflow_id").asText());
        payload.put("workflow_execution_id", ex.path("id").asText());
        payload.put("status", ex.path("status").asText());
        payload.set("tracking_id", ex.get("tracking_id"));
        payload.put("channel", ex.path("whatsapp_conversation_id").isNull() ? "api" : "whatsapp");
        payload.set("whatsapp_conversation_id", ex.get("whatsapp_conversation_id"));
        return payload;
    }

    private void emit(ObjectNode ex, String type, ObjectNode payload) {
        ctx.events().emit(type, null, ex.path("whatsapp_conversation_id").asText(null), payload);
    }

    private ObjectNode stepNode(ObjectNode ex) {
        String identifier = ex.path("current_step").path("identifier").asText(null);
        return identifier == null ? null : graph(ex.path("id").asText()).node(identifier).orElse(null);
    }

    private void event(ObjectNode ex, String type, ObjectNode node, String edgeLabel, ObjectNode payload) {
        String now = ctx.clock().iso();
        ObjectNode e = SimState.object();
        e.put("id", Ids.uuid());
        e.put("execution_id", ex.path("id").asText());
        e.put("event_type", type);
        e.put("direction", edgeLabel);
        e.put("edge_label", edgeLabel);
        e.put("created_at", now);
        e.set("payload", payload);
        e.set("step", node == null ? null : definitions.stepReference(ex.path("workflow_id").asText(), node));
        events.put(e);
        ex.put("last_event_at", now);
    }

    private String interpolate(ObjectNode ex, String text) {
        JsonNode context = ex.path("execution_context");
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String path = m.group(1);
            JsonNode value = path.contains(".") && context.has(path.substring(0, path.indexOf('.')))
                    ? lookup(context, path) : lookup(context.path("vars"), path);
            m.appendReplacement(out, Matcher.quoteReplacement(value.isMissingNode() || value.isNull() ? ""
                    : value.isValueNode() ? value.asText() : value.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static JsonNode lookup(JsonNode root, String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            n = n.path(part);
        }
        return n;
    }

    private JsonNode coerce(ObjectNode ex, JsonNode value, String type) {
        String text = value.isTextual() ? interpolate(ex, value.asText()) : value.toString();
        try {
            switch (type) {
                case "number":
                    return value.isNumber() ? value : SimState.object().numberNode(new BigDecimal(text.trim()));
                case "boolean":
                    return SimState.object().booleanNode(value.isBoolean() ? value.asBoolean()
                            : Boolean.parseBoolean(text.trim()));
                case "json":
                    return value.isTextual() ? MAPPER.readTree(text) : value.deepCopy();
                default:
                    return value.isTextual() ? TextNode.valueOf(text) : value.deepCopy();
            }
        } catch (Exception e) {
            return TextNode.valueOf(text);
        }
    }
}
