package io.github.camelkapso.simulator.ops.automation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.Crud;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * Voice agents (Pipecat) and their WhatsApp phone number assignments. Rules:
 * <ul>
 * <li>a voice agent needs a name; provider_type is pipecat (the only provider) and its provider needs public_api_key,
 * private_api_key and agent_name (422 naming the field); base_url is optional;</li>
 * <li>the API keys are stored but never answered: provider reads {type: pipecat_provider, kind: pipecat, agent_name};</li>
 * <li>lists are newest first with page/per_page paging (meta + X-Total headers) and the provider_type, created_after
 * and created_before filters;</li>
 * <li>an assignment needs the phone_number_id of a number of the project (404 otherwise) that no agent has yet (422);
 * enabled defaults to true, is_primary to false; making one assignment primary demotes the agent's previous primary;</li>
 * <li>assignments are addressed by their own id (not the Meta phone_number_id) and only under their agent (404);</li>
 * <li>deleting a voice agent deletes its assignments.</li>
 * </ul>
 */
public final class VoiceAgentsModule implements SimulatorModule {

    private static final Set<String> PROVIDER_KEYS = Set.of("public_api_key", "private_api_key", "agent_name", "base_url");

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        Store agents = ctx.state().store(AutomationStores.VOICE_AGENTS);
        Store assignments = ctx.state().store(AutomationStores.VOICE_AGENT_NUMBERS);
        Store phones = ctx.state().store(Stores.PHONE_NUMBERS);
        Map<String, ObjectNode> providerSecrets = new HashMap<>();

        handlers.on("createVoiceAgent", r -> {
            ObjectNode attrs = r.attributes();
            String name = Crud.requireText(attrs, "name", "voice_agent");
            checkProviderType(attrs);
            ObjectNode provider = provider(attrs, true);
            ObjectNode agent = Crud.newRecord(ctx, Ids.uuid(), null);
            agent.put("name", name);
            agent.set("provider", publicProvider(provider));
            agents.put(agent);
            providerSecrets.put(agent.path("id").asText(), provider);
            return SimResponse.data(201, agent);
        });
        handlers.on("listVoiceAgents", r -> {
            String type = r.query("provider_type");
            Predicate<ObjectNode> filter = createdBetween(r);
            if (type != null && !type.isEmpty()) {
                filter = filter.and(a -> type.equals(a.path("provider").path("kind").asText()));
            }
            return Paging.page(r, agents.newestFirst(filter, "created_at"), 100);
        });
        handlers.on("getVoiceAgent", r -> SimResponse.data(200, requireAgent(agents, r)));
        handlers.on("updateVoiceAgent", r -> {
            ObjectNode agent = requireAgent(agents, r);
            ObjectNode attrs = r.attributes();
            if (attrs.has("name")) {
                Crud.requireText(attrs, "name", "voice_agent");
                agent.put("name", attrs.get("name").asText());
            }
            checkProviderType(attrs);
            if (attrs.has("provider")) {
                ObjectNode provider = providerSecrets.computeIfAbsent(agent.path("id").asText(), k -> SimState.object());
                ObjectNode changes = provider(attrs, false);
                provider.setAll(changes);
                agent.set("provider", publicProvider(provider));
            }
            agent.put("updated_at", ctx.clock().iso());
            return SimResponse.data(200, agent);
        });
        handlers.on("deleteVoiceAgent", r -> {
            ObjectNode agent = requireAgent(agents, r);
            String id = agent.path("id").asText();
            agents.remove(id);
            providerSecrets.remove(id);
            assignmentsOf(assignments, id).forEach(a -> assignments.remove(a.id()));
            return SimResponse.noContent();
        });

        handlers.on("assignVoiceAgentPhoneNumber", r -> {
            ObjectNode agent = requireAgent(agents, r);
            ObjectNode attrs = r.attributes();
            String phoneNumberId = Crud.requireText(attrs, "phone_number_id", "voice_agent_whatsapp_config");
            if (!phones.contains(phoneNumberId)) {
                throw ApiError.notFound(r.operation(), "WhatsApp phone number " + phoneNumberId);
            }
            assignments.find(a -> phoneNumberId.equals(a.path("phone_number_id").asText())).ifPresent(a -> {
                throw ApiError.unprocessable("voice_agent_whatsapp_config.phone_number_id " + phoneNumberId
                                             + " is already assigned to voice agent " + a.path("voice_agent_id").asText());
            });
            ObjectNode assignment = Crud.newRecord(ctx, Ids.uuid(), null);
            assignment.put("voice_agent_id", agent.path("id").asText());
            assignment.put("phone_number_id", phoneNumberId);
            assignment.put("is_primary", attrs.path("is_primary").asBoolean(false));
            assignment.put("enabled", attrs.path("enabled").asBoolean(true));
            if (assignment.path("is_primary").asBoolean()) {
                demotePrimary(ctx, assignments, agent.path("id").asText(), null);
            }
            reorder(assignment);
            return SimResponse.data(201, assignments.put(assignment));
        });
        handlers.on("listVoiceAgentPhoneNumbers", r -> {
            ObjectNode agent = requireAgent(agents, r);
            return Paging.all(assignmentsOf(assignments, agent.path("id").asText()));
        });
        handlers.on("updateVoiceAgentPhoneNumberAssignment", r -> {
            ObjectNode assignment = requireAssignment(agents, assignments, r);
            ObjectNode attrs = r.attributes();
            if (attrs.has("enabled")) {
                assignment.put("enabled", attrs.get("enabled").asBoolean());
            }
            if (attrs.has("is_primary")) {
                boolean primary = attrs.get("is_primary").asBoolean();
                if (primary) {
                    demotePrimary(ctx, assignments, assignment.path("voice_agent_id").asText(), assignment.path("id").asText());
                }
                assignment.put("is_primary", primary);
            }
            assignment.put("updated_at", ctx.clock().iso());
            return SimResponse.data(200, assignment);
        });
        handlers.on("deleteVoiceAgentPhoneNumberAssignment", r -> {
            ObjectNode assignment = requireAssignment(agents, assignments, r);
            assignments.remove(assignment.path("id").asText());
            return SimResponse.noContent();
        });
    }

    private static void checkProviderType(ObjectNode attrs) {
        if (attrs.has("provider_type") && !"pipecat".equals(attrs.get("provider_type").asText())) {
            throw ApiError.unprocessable("voice_agent.provider_type must be pipecat");
        }
    }

    /** The provider settings of the request; on create the keys and agent name are required. */
    private static ObjectNode provider(ObjectNode attrs, boolean create) {
        JsonNode given = attrs.get("provider");
        if (given != null && !given.isObject()) {
            throw ApiError.unprocessable("voice_agent.provider must be an object");
        }
        ObjectNode provider = SimState.object();
        if (given != null) {
            given.fields().forEachRemaining(f -> {
                if (PROVIDER_KEYS.contains(f.getKey())) {
                    provider.set(f.getKey(), f.getValue().deepCopy());
                }
            });
        }
        if (create) {
            for (String field : List.of("public_api_key", "private_api_key", "agent_name")) {
                if (provider.path(field).asText("").isBlank()) {
                    throw ApiError.unprocessable("voice_agent.provider." + field + " is required");
                }
            }
        }
        return provider;
    }

    private static ObjectNode publicProvider(ObjectNode provider) {
        ObjectNode view = SimState.object();
        view.put("type", "pipecat_provider");
        view.put("kind", "pipecat");
        view.set("agent_name", provider.get("agent_name"));
        return view;
    }

    /** created_after / created_before: documented for the list, not in the catalog query parameters. */
    private static Predicate<ObjectNode> createdBetween(SimRequest r) {
        Predicate<ObjectNode> all = a -> true;
        String after = r.query("created_after");
        String before = r.query("created_before");
        if (after != null) {
            all = all.and(a -> a.path("created_at").asText().compareTo(after) >= 0);
        }
        if (before != null) {
            all = all.and(a -> a.path("created_at").asText().compareTo(before) <= 0);
        }
        return all;
    }

    private static ObjectNode requireAgent(Store agents, SimRequest r) {
        return Crud.require(agents, r, "voice_agent_id", "Voice agent");
    }

    private static ObjectNode requireAssignment(Store agents, Store assignments, SimRequest r) {
        requireAgent(agents, r);
        ObjectNode assignment = Crud.require(assignments, r, "assignment_id", "Phone number assignment");
        if (!r.path("voice_agent_id").equals(assignment.path("voice_agent_id").asText())) {
            throw ApiError.notFound(r.operation(), "Phone number assignment " + r.path("assignment_id"));
        }
        return assignment;
    }

    private static List<Store.Entry> assignmentsOf(Store assignments, String agentId) {
        return assignments.oldestFirst(a -> agentId.equals(a.path("voice_agent_id").asText()));
    }

    private static void demotePrimary(SimContext ctx, Store assignments, String agentId, String except) {
        for (Store.Entry e : assignmentsOf(assignments, agentId)) {
            if (e.node().path("is_primary").asBoolean() && !e.id().equals(except)) {
                e.node().put("is_primary", false);
                e.node().put("updated_at", ctx.clock().iso());
            }
        }
    }

    /** Puts the documented field order: id, voice_agent_id, phone_number_id, is_primary, enabled, timestamps. */
    private static void reorder(ObjectNode assignment) {
        for (String field : List.of("created_at", "updated_at")) {
            JsonNode v = assignment.remove(field);
            assignment.set(field, v);
        }
    }
}
