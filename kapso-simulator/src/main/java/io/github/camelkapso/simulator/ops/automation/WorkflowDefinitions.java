package io.github.camelkapso.simulator.ops.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;

/** The graph of each workflow, kept apart from its metadata (getWorkflow does not answer it), and its step ids. */
final class WorkflowDefinitions {

    static final String STORE = "workflow_definitions";

    private final Store store;

    private WorkflowDefinitions(SimContext ctx) {
        this.store = ctx.state().store(STORE);
    }

    static WorkflowDefinitions of(SimContext ctx) {
        return ctx.shared(WorkflowDefinitions.class, () -> new WorkflowDefinitions(ctx));
    }

    WorkflowGraph graph(String workflowId) {
        return new WorkflowGraph((ObjectNode) record(workflowId).get("definition"));
    }

    void put(String workflowId, ObjectNode definition) {
        record(workflowId).set("definition", definition);
    }

    void remove(String workflowId) {
        store.remove(workflowId);
    }

    /** {@code current_step} / {@code step}: the step's id, identifier, class and canvas position. */
    ObjectNode stepReference(String workflowId, JsonNode node) {
        ObjectNode ids = record(workflowId).with("step_ids");
        String identifier = node.path("id").asText();
        if (!ids.has(identifier)) {
            ids.put(identifier, Ids.uuid());
        }
        ObjectNode ref = SimState.object();
        ref.put("id", ids.get(identifier).asText());
        ref.put("identifier", identifier);
        ref.put("stepable_type", WorkflowGraph.stepType(WorkflowGraph.type(node)));
        ref.set("position", node.has("position") ? node.get("position").deepCopy() : null);
        return ref;
    }

    private ObjectNode record(String workflowId) {
        return store.get(workflowId).orElseGet(() -> {
            ObjectNode r = SimState.object();
            r.put("id", workflowId);
            r.set("definition", WorkflowGraph.minimal());
            r.putObject("step_ids");
            return store.put(r);
        });
    }
}
