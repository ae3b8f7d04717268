package io.github.camelkapso.simulator.ops.automation;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;

/**
 * A workflow definition as Kapso stores it ({@code {nodes, edges}} in snake_case) and the moves an execution makes on
 * it: find the start node, follow a node's first outgoing edge. Each node also has a stable step id (the database id
 * Kapso reports in {@code current_step.id}), kept beside the graph.
 */
final class WorkflowGraph {

    /** Canvas names of the node types, used when a node comes without display_name. */
    private static final Map<String, String> DISPLAY_NAMES = Map.ofEntries(
            Map.entry("start", "Start"), Map.entry("send_text", "Send Text Message"),
            Map.entry("send_template", "Send Template"), Map.entry("send_interactive", "Send Interactive Message"),
            Map.entry("wait_for_response", "Wait for response"), Map.entry("decide", "Decide"),
            Map.entry("function", "Function"), Map.entry("webhook", "Webhook"), Map.entry("agent", "Agent"),
            Map.entry("call", "Call Workflow"), Map.entry("handoff", "Handoff"), Map.entry("set_variable", "Set Variable"),
            Map.entry("emit_event", "Emit Event"));

    /** Kapso's step classes (current_step.stepable_type) by node type. */
    private static final Map<String, String> STEP_TYPES = Map.ofEntries(
            Map.entry("start", "FlowStartStep"), Map.entry("wait_for_response", "FlowWaitStep"),
            Map.entry("decide", "FlowDecideStep"), Map.entry("agent", "FlowAgentStep"),
            Map.entry("call", "FlowCallStep"), Map.entry("handoff", "FlowHandoffStep"));

    private final ObjectNode definition;

    WorkflowGraph(ObjectNode definition) {
        this.definition = definition;
    }

    ObjectNode json() {
        return definition;
    }

    /** The graph a new workflow starts with when it gives none: a lone start node. */
    static ObjectNode minimal() {
        ObjectNode def = SimState.object();
        ObjectNode start = def.putArray("nodes").addObject();
        start.put("id", "start");
        start.put("type", "flow-node");
        start.putObject("position").put("x", 100).put("y", 100);
        ObjectNode data = start.putObject("data");
        data.put("node_type", "start");
        data.putObject("config");
        data.put("display_name", "Start");
        def.putArray("edges");
        return def;
    }

    /**
     * Applies a definition input: nodes and edges present in {@code input} replace the current sets; edges left
     * pointing at removed nodes are dropped. Checks node ids are unique, edges join existing nodes and there is at
     * most one start node (422 naming the field).
     */
    static ObjectNode apply(ObjectNode current, JsonNode input, String field) {
        ObjectNode def = current == null ? minimal() : current.deepCopy();
        if (input == null || input.isNull()) {
            return def;
        }
        if (input.has("nodes")) {
            ArrayNode nodes = def.putArray("nodes");
            Set<String> ids = new HashSet<>();
            int starts = 0;
            int i = 0;
            for (JsonNode n : input.get("nodes")) {
                ObjectNode node = n.deepCopy();
                String id = node.path("id").asText();
                if (!ids.add(id)) {
                    throw ApiError.unprocessable(field + ".nodes[" + i + "].id " + id + " is used by another node");
                }
                node.put("type", node.path("type").asText("flow-node"));
                if (!node.has("position") || node.get("position").isNull()) {
                    node.putObject("position").put("x", 0).put("y", 0);
                }
                ObjectNode data = node.with("data");
                String type = data.path("node_type").asText();
                starts += type.equals("start") ? 1 : 0;
                if (!data.has("config") || data.get("config").isNull()) {
                    data.putObject("config");
                }
                if (!data.hasNonNull("display_name")) {
                    data.put("display_name", DISPLAY_NAMES.getOrDefault(type, type));
                }
                nodes.add(node);
                i++;
            }
            if (starts > 1) {
                throw ApiError.unprocessable(field + ".nodes has " + starts + " start nodes; a workflow has at most one");
            }
            if (!input.has("edges")) {
                ArrayNode kept = SimState.object().arrayNode();
                def.path("edges").forEach(e -> {
                    if (ids.contains(e.path("source").asText()) && ids.contains(e.path("target").asText())) {
                        kept.add(e);
                    }
                });
                def.set("edges", kept);
            }
        }
        if (input.has("edges")) {
            ArrayNode edges = def.putArray("edges");
            Set<String> ids = new HashSet<>();
            def.path("nodes").forEach(n -> ids.add(n.path("id").asText()));
            int i = 0;
            for (JsonNode e : input.get("edges")) {
                ObjectNode edge = SimState.object();
                edge.put("id", e.hasNonNull("id") ? e.get("id").asText() : Ids.uuid());
                edge.put("source", e.path("source").asText());
                edge.put("target", e.path("target").asText());
                edge.put("label", e.path("label").asText("next"));
                edge.put("type", e.path("type").asText("default"));
                edge.set("flow_condition_id", e.hasNonNull("flow_condition_id") ? e.get("flow_condition_id") : null);
                for (String end : new String[] {"source", "target"}) {
                    if (!ids.contains(edge.path(end).asText())) {
                        throw ApiError.unprocessable(field + ".edges[" + i + "]." + end + " " + edge.path(end).asText()
                                                     + " is not a node of the workflow");
                    }
                }
                edges.add(edge);
                i++;
            }
        }
        return def;
    }

    Optional<ObjectNode> node(String id) {
        for (JsonNode n : definition.path("nodes")) {
            if (n.path("id").asText().equals(id)) {
                return Optional.of((ObjectNode) n);
            }
        }
        return Optional.empty();
    }

    Optional<ObjectNode> start() {
        for (JsonNode n : definition.path("nodes")) {
            if ("start".equals(type(n))) {
                return Optional.of((ObjectNode) n);
            }
        }
        return Optional.empty();
    }

    /** The first edge leaving {@code nodeId}, in definition order. */
    Optional<ObjectNode> next(String nodeId) {
        for (JsonNode e : definition.path("edges")) {
            if (e.path("source").asText().equals(nodeId)) {
                return Optional.of((ObjectNode) e);
            }
        }
        return Optional.empty();
    }

    static String type(JsonNode node) {
        return node.path("data").path("node_type").asText();
    }

    static JsonNode config(JsonNode node) {
        return node.path("data").path("config");
    }

    static String stepType(String nodeType) {
        return STEP_TYPES.getOrDefault(nodeType, "FlowActionStep");
    }
}
