package io.github.camelkapso.simulator.ops.automation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;

/** The shapes an execution is answered in: list summary, minimal (with error details), full detail, resume answer. */
final class ExecutionViews {

    private ExecutionViews() {
    }

    static ObjectNode summary(ObjectNode ex, Store workflows) {
        ObjectNode v = SimState.object();
        v.put("id", ex.path("id").asText());
        v.put("status", ex.path("status").asText());
        v.set("tracking_id", ex.get("tracking_id"));
        v.set("whatsapp_conversation_id", ex.get("whatsapp_conversation_id"));
        v.set("started_at", ex.get("started_at"));
        v.set("last_event_at", ex.get("last_event_at"));
        v.set("ended_at", ex.get("ended_at"));
        ObjectNode wf = v.putObject("workflow");
        workflows.get(ex.path("workflow_id").asText()).ifPresentOrElse(w -> {
            wf.put("id", w.path("id").asText());
            wf.put("name", w.path("name").asText());
            wf.put("status", w.path("status").asText());
        }, () -> wf.put("id", ex.path("workflow_id").asText()));
        v.set("current_step", ex.get("current_step").deepCopy());
        return v;
    }

    static ObjectNode minimal(ObjectNode ex, Store workflows) {
        ObjectNode v = summary(ex, workflows);
        v.set("error_details", ex.get("error_details").deepCopy());
        return v;
    }

    static ObjectNode detail(ObjectNode ex, Store workflows, Store events) {
        ObjectNode v = minimal(ex, workflows);
        v.set("resumable_execution_id", "waiting".equals(ex.path("status").asText()) ? ex.get("id") : null);
        v.set("execution_context", ex.get("execution_context").deepCopy());
        ArrayNode list = v.putArray("events");
        String id = ex.path("id").asText();
        events.oldestFirst(e -> id.equals(e.path("execution_id").asText())).forEach(e -> list.add(event(e.node())));
        return v;
    }

    static ObjectNode resumed(ObjectNode ex, Store workflows) {
        ObjectNode v = summary(ex, workflows);
        v.put("requested_execution_id", ex.path("id").asText());
        v.putNull("parent_flow_execution_id");
        return v;
    }

    static ObjectNode event(ObjectNode e) {
        ObjectNode v = e.deepCopy();
        v.remove("execution_id");
        return v;
    }
}
