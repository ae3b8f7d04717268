package io.github.camelkapso.simulator.ops.automation;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.Crud;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.ops.QueryFilters;
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;

/**
 * Workflows: metadata, graph and variables. Rules:
 * <ul>
 * <li>a workflow needs a name, unique in the project (422), as is its slug (derived from the name when missing);</li>
 * <li>workflows are created as draft with lock_version 0, message_debounce_seconds 1, inbound_message_read_mode
 * read_with_typing and, without a definition, a lone start node;</li>
 * <li>definitions: node ids are unique, edges join existing nodes, at most one start node (422 naming the field);
 * edges get an id, label "next" and type "default" when missing;</li>
 * <li>lists are newest first, filtered by status, name_contains, created_after and created_before, unpaginated;</li>
 * <li>getWorkflow answers metadata only; getWorkflowDefinition adds {nodes, edges};</li>
 * <li>updates: a stale lock_version is 409; each update increments lock_version; definition.nodes and
 * definition.edges, when present, replace the whole set (edges of removed nodes are dropped);</li>
 * <li>variables: the fixed system/context variables plus those discovered in the workflow's executions, with their
 * type, up to five sample values, usage count and last time seen.</li>
 * </ul>
 */
public final class WorkflowsModule implements SimulatorModule {

    private static final Set<String> UPDATABLE = Set.of("name", "slug", "description", "status", "message_debounce_seconds",
            "inbound_message_read_mode");

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        Store workflows = ctx.state().store(AutomationStores.WORKFLOWS);
        Store executions = ctx.state().store(AutomationStores.WORKFLOW_EXECUTIONS);
        WorkflowDefinitions definitions = WorkflowDefinitions.of(ctx);

        handlers.on("createWorkflow", r -> {
            ObjectNode attrs = r.attributes();
            String name = Crud.requireText(attrs, "name", "workflow");
            checkUnique(workflows, "name", name, null);
            String slug;
            if (attrs.hasNonNull("slug")) {
                slug = attrs.get("slug").asText();
                checkUnique(workflows, "slug", slug, null);
            } else {
                slug = Slugs.unique(Slugs.of(name, "workflow"), s -> taken(workflows, "slug", s, null));
            }
            ObjectNode definition = WorkflowGraph.apply(null, attrs.get("definition"), "workflow.definition");
            ObjectNode wf = SimState.object();
            String id = Ids.uuid();
            String now = ctx.clock().iso();
            wf.put("id", id);
            wf.put("name", name);
            wf.put("slug", slug);
            wf.set("description", attrs.hasNonNull("description") ? attrs.get("description") : null);
            wf.put("status", "draft");
            wf.put("lock_version", 0);
            wf.put("message_debounce_seconds", 1);
            wf.put("agent_default_tools_version", 1);
            wf.put("inbound_message_read_mode", "read_with_typing");
            wf.put("created_at", now);
            wf.put("updated_at", now);
            wf.put("project_id", ctx.state().projectId());
            wf.put("execution_count", 0);
            wf.putNull("last_executed_at");
            workflows.put(wf);
            definitions.put(id, definition);
            return SimResponse.data(201, wf);
        });
        handlers.on("listWorkflows", r -> Paging.all(workflows.newestFirst(QueryFilters.of(r), "created_at")));
        handlers.on("getWorkflow", r -> SimResponse.data(200, require(workflows, r)));
        handlers.on("getWorkflowDefinition", r -> {
            ObjectNode wf = require(workflows, r).deepCopy();
            wf.set("definition", definitions.graph(wf.path("id").asText()).json().deepCopy());
            return SimResponse.data(200, wf);
        });
        handlers.on("updateWorkflow", r -> {
            ObjectNode wf = require(workflows, r);
            ObjectNode attrs = r.attributes();
            String id = wf.path("id").asText();
            if (attrs.hasNonNull("lock_version") && attrs.get("lock_version").asInt() != wf.path("lock_version").asInt()) {
                throw ApiError.conflict("Workflow was modified since lock_version " + attrs.get("lock_version").asInt()
                                        + " (current lock_version is " + wf.path("lock_version").asInt()
                                        + "); refetch it and retry");
            }
            if (attrs.has("name")) {
                checkUnique(workflows, "name", Crud.requireText(attrs, "name", "workflow"), id);
            }
            if (attrs.hasNonNull("slug")) {
                checkUnique(workflows, "slug", attrs.get("slug").asText(), id);
            }
            ObjectNode definition = attrs.has("definition")
                    ? WorkflowGraph.apply(definitions.graph(id).json(), attrs.get("definition"), "workflow.definition") : null;
            ObjectNode changes = SimState.object();
            attrs.fields().forEachRemaining(f -> {
                if (UPDATABLE.contains(f.getKey())) {
                    changes.set(f.getKey(), f.getValue());
                }
            });
            Crud.merge(ctx, wf, changes, Set.of());
            if (definition != null) {
                definitions.put(id, definition);
            }
            wf.put("lock_version", wf.path("lock_version").asInt() + 1);
            return SimResponse.data(200, wf);
        });
        handlers.on("getWorkflowVariables", r -> {
            ObjectNode wf = require(workflows, r);
            return SimResponse.data(200, variables(executions, wf.path("id").asText()));
        });
    }

    static ObjectNode require(Store workflows, SimRequest r) {
        return Crud.require(workflows, r, "workflow_id", "Workflow");
    }

    private static void checkUnique(Store workflows, String field, String value, String self) {
        if (taken(workflows, field, value, self)) {
            throw ApiError.unprocessable("workflow." + field + " " + value + " has already been taken");
        }
    }

    private static boolean taken(Store workflows, String field, String value, String self) {
        return workflows.find(w -> value.equals(w.path(field).asText()) && !w.path("id").asText().equals(self)).isPresent();
    }

    /** The fixed variables every execution has, as documented. */
    private static ObjectNode fixed() {
        ObjectNode fixed = SimState.object();
        ObjectNode system = fixed.putObject("system");
        fixedVariable(system, "system.flow_id", "string", "Flow identifier", true);
        fixedVariable(system, "system.started_at", "datetime", "Flow execution start time", true);
        fixedVariable(system, "system.tracking_id", "string", "External tracking identifier", true);
        fixedVariable(system, "system.trigger_type", "string", "How the execution was initiated", true);
        ObjectNode context = fixed.putObject("context");
        fixedVariable(context, "context.channel", "string", "Communication channel (api or whatsapp)", false);
        fixedVariable(context, "context.phone_number", "string", "Contact phone number", false);
        return fixed;
    }

    private static void fixedVariable(ObjectNode into, String path, String type, String description, boolean always) {
        ObjectNode v = into.putObject(path);
        v.put("type", type);
        v.put("description", description);
        v.put("always_available", always);
    }

    private static ObjectNode variables(Store executions, String workflowId) {
        ObjectNode fixed = fixed();
        Map<String, Map<String, ObjectNode>> discovered = new LinkedHashMap<>();
        for (String section : new String[] {"system", "context", "vars"}) {
            discovered.put(section, new LinkedHashMap<>());
        }
        for (Store.Entry e : executions.oldestFirst(x -> workflowId.equals(x.path("workflow_id").asText()))) {
            JsonNode context = e.node().path("execution_context");
            String seen = e.node().path("last_event_at").asText();
            discovered.forEach((section, found) -> {
                for (Iterator<Map.Entry<String, JsonNode>> it = context.path(section).fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> f = it.next();
                    String path = section + "." + f.getKey();
                    if (fixed.path(section).has(path)) {
                        continue;
                    }
                    ObjectNode v = found.computeIfAbsent(path, p -> newDiscovered(p, f.getKey()));
                    v.put("type", typeOf(f.getValue()));
                    ArrayNode samples = (ArrayNode) v.get("sample_values");
                    boolean known = false;
                    for (JsonNode s : samples) {
                        known |= s.equals(f.getValue());
                    }
                    if (!known && samples.size() < 5) {
                        samples.add(f.getValue().deepCopy());
                    }
                    v.put("usage_count", v.path("usage_count").asInt() + 1);
                    v.put("last_seen_at", seen);
                }
            });
        }
        ObjectNode data = SimState.object();
        data.set("fixed", fixed);
        ObjectNode out = data.putObject("discovered");
        discovered.forEach((section, found) -> {
            ArrayNode list = out.putArray(section);
            found.values().forEach(list::add);
        });
        return data;
    }

    private static ObjectNode newDiscovered(String path, String name) {
        ObjectNode v = SimState.object();
        v.put("path", path);
        v.put("name", name);
        v.put("type", "string");
        v.putArray("sample_values");
        v.put("usage_count", 0);
        v.putNull("last_seen_at");
        v.put("reference", "{{" + path + "}}");
        return v;
    }

    private static String typeOf(JsonNode v) {
        if (v.isTextual()) {
            return "string";
        }
        if (v.isNumber()) {
            return "number";
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        if (v.isArray()) {
            return "array";
        }
        return v.isObject() ? "object" : "null";
    }
}
