package io.github.camelkapso.simulator.ops.automation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.Crud;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * Workflow triggers. Rules:
 * <ul>
 * <li>inbound_message needs the phone_number_id of a number of the project; whatsapp_event needs event (its
 * phone_number_id, optional, must be a number of the project); project_event needs event_name in lowercase dotted
 * snake_case, and property_key, operator and property_value come together (422 naming the field);</li>
 * <li>active defaults to true; display_name follows the type ("WhatsApp: &lt;number name&gt;", "API Call Trigger",
 * "Event: &lt;name&gt;", "WhatsApp event: &lt;event&gt;"); triggerable holds the type's settings;</li>
 * <li>only active can be updated (422 for anything else); delete is 204;</li>
 * <li>PUT replaces the whole set atomically: when any trigger is invalid (422 naming triggers[i].field) nothing
 * changes; an empty list removes every trigger.</li>
 * </ul>
 */
public final class WorkflowTriggersModule implements SimulatorModule {

    private static final Pattern EVENT_NAME = Pattern.compile("^[a-z0-9_]+(\\.[a-z0-9_]+)+$");

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        Store workflows = ctx.state().store(AutomationStores.WORKFLOWS);
        Store triggers = ctx.state().store(AutomationStores.WORKFLOW_TRIGGERS);
        Store phones = ctx.state().store(Stores.PHONE_NUMBERS);

        handlers.on("createWorkflowTrigger", r -> {
            ObjectNode wf = WorkflowsModule.require(workflows, r);
            ObjectNode trigger = build(ctx, phones, wf.path("id").asText(), r.attributes(), "trigger");
            return SimResponse.data(201, triggers.put(trigger));
        });
        handlers.on("listWorkflowTriggers", r -> {
            ObjectNode wf = WorkflowsModule.require(workflows, r);
            return Paging.all(of(triggers, wf.path("id").asText()));
        });
        handlers.on("replaceWorkflowTriggers", r -> {
            ObjectNode wf = WorkflowsModule.require(workflows, r);
            String workflowId = wf.path("id").asText();
            JsonNode given = r.json().path("triggers");
            List<ObjectNode> replacement = new ArrayList<>();
            int i = 0;
            for (JsonNode t : given) {
                if (!t.isObject()) {
                    throw ApiError.unprocessable("triggers[" + i + "] must be an object");
                }
                replacement.add(build(ctx, phones, workflowId, (ObjectNode) t, "triggers[" + i + "]"));
                i++;
            }
            of(triggers, workflowId).forEach(e -> triggers.remove(e.id()));
            replacement.forEach(triggers::put);
            return Paging.all(of(triggers, workflowId));
        });
        handlers.on("updateWorkflowTrigger", r -> {
            ObjectNode trigger = Crud.require(triggers, r, "trigger_id", "Trigger");
            ObjectNode attrs = r.attributes();
            attrs.fieldNames().forEachRemaining(f -> {
                if (!f.equals("active")) {
                    throw ApiError.unprocessable("trigger." + f
                                                 + " cannot be changed; only active can (delete the trigger and create a new one)");
                }
            });
            if (attrs.has("active")) {
                trigger.put("active", attrs.get("active").asBoolean());
            }
            trigger.put("updated_at", ctx.clock().iso());
            return SimResponse.data(200, trigger);
        });
        handlers.on("deleteWorkflowTrigger", r -> {
            ObjectNode trigger = Crud.require(triggers, r, "trigger_id", "Trigger");
            triggers.remove(trigger.path("id").asText());
            return SimResponse.noContent();
        });
    }

    static List<Store.Entry> of(Store triggers, String workflowId) {
        return triggers.oldestFirst(t -> workflowId.equals(t.path("workflow_id").asText()));
    }

    /** A validated trigger record; {@code field} prefixes the names in error messages. */
    private static ObjectNode build(SimContext ctx, Store phones, String workflowId, ObjectNode attrs, String field) {
        String type = attrs.path("trigger_type").asText("");
        ObjectNode triggerable = SimState.object();
        String displayName;
        switch (type) {
            case "inbound_message": {
                String phoneNumberId = attrs.path("phone_number_id").asText("");
                if (phoneNumberId.isEmpty()) {
                    throw ApiError.unprocessable(field + ".phone_number_id is required for inbound_message triggers");
                }
                ObjectNode phone = phone(phones, phoneNumberId, field);
                triggerable.put("phone_number_id", phoneNumberId);
                displayName = "WhatsApp: " + phone.path("display_name").asText(phone.path("display_phone_number").asText(phoneNumberId));
                break;
            }
            case "api_call":
                displayName = "API Call Trigger";
                break;
            case "whatsapp_event": {
                String event = attrs.path("event").asText("");
                if (event.isEmpty()) {
                    throw ApiError.unprocessable(field + ".event is required for whatsapp_event triggers");
                }
                triggerable.put("event", event);
                if (attrs.hasNonNull("phone_number_id")) {
                    phone(phones, attrs.get("phone_number_id").asText(), field);
                    triggerable.put("phone_number_id", attrs.get("phone_number_id").asText());
                }
                displayName = "WhatsApp event: " + event;
                break;
            }
            case "project_event": {
                String name = attrs.path("event_name").asText("");
                if (!EVENT_NAME.matcher(name).matches()) {
                    throw ApiError.unprocessable(field + ".event_name " + (name.isEmpty() ? "is required for project_event triggers"
                            : "must be lowercase dotted snake_case (e.g. conversation.csat_scored)"));
                }
                triggerable.put("event_name", name);
                boolean key = attrs.hasNonNull("property_key");
                boolean operator = attrs.hasNonNull("operator");
                boolean value = attrs.hasNonNull("property_value");
                if ((key || operator || value) && !(key && operator && value)) {
                    throw ApiError.unprocessable(field + ".property_key, operator and property_value must be given together");
                }
                triggerable.set("property_key", key ? attrs.get("property_key") : null);
                triggerable.set("operator", operator ? attrs.get("operator") : null);
                if (value) {
                    triggerable.set("property_value", attrs.get("property_value").deepCopy());
                }
                displayName = "Event: " + name;
                break;
            }
            default:
                throw ApiError.unprocessable(field
                                             + ".trigger_type must be one of inbound_message, api_call, whatsapp_event, project_event");
        }
        ObjectNode trigger = SimState.object();
        String now = ctx.clock().iso();
        trigger.put("id", Ids.uuid());
        trigger.put("workflow_id", workflowId);
        trigger.put("trigger_type", type);
        trigger.put("active", attrs.path("active").asBoolean(true));
        trigger.put("display_name", displayName);
        trigger.put("created_at", now);
        trigger.put("updated_at", now);
        trigger.set("triggerable", triggerable);
        return trigger;
    }

    private static ObjectNode phone(Store phones, String phoneNumberId, String field) {
        return phones.get(phoneNumberId).orElseThrow(() -> ApiError.unprocessable(
                field + ".phone_number_id " + phoneNumberId + " is not a WhatsApp number of this project"));
    }
}
