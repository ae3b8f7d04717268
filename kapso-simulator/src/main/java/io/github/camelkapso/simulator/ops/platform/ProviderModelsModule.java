package io.github.camelkapso.simulator.ops.platform;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.state.SimState;

/**
 * The AI provider models agents can use ({@code GET /provider_models}). Kapso publishes only the record's shape, not
 * its catalog, so the list is illustrative. Rules:
 * <ul>
 * <li>a fixed list of models with stable ids, unpaginated {@code {"data": [...]}};</li>
 * <li>every model carries the documented fields: id, name, provider, reasoning_model, thinking_mode,
 * supports_custom_sampling, supported_reasoning_efforts, default_reasoning_effort, supported_prompt_cache_ttls,
 * default_prompt_cache_ttl, api_surface; non-reasoning models have no efforts, models without prompt caching no
 * TTLs.</li>
 * </ul>
 */
public final class ProviderModelsModule implements SimulatorModule {

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        handlers.on("listProviderModels", r -> {
            ObjectNode body = SimState.object();
            body.set("data", models());
            return SimResponse.json(200, body);
        });
    }

    static ArrayNode models() {
        ArrayNode models = SimState.object().arrayNode();
        model(models, "0b6f6c55-3c1e-4d2a-9a51-6f0d3b1a7c01", "gpt-4.1", "OpenAI", false, "disabled", true,
                new String[0], null, new String[0], null, "chat_completions");
        model(models, "0b6f6c55-3c1e-4d2a-9a51-6f0d3b1a7c02", "gpt-4.1-mini", "OpenAI", false, "disabled", true,
                new String[0], null, new String[0], null, "chat_completions");
        model(models, "0b6f6c55-3c1e-4d2a-9a51-6f0d3b1a7c03", "gpt-5", "OpenAI", true, "disabled", false,
                new String[] {"minimal", "low", "medium", "high"}, "medium", new String[0], null, "responses");
        model(models, "0b6f6c55-3c1e-4d2a-9a51-6f0d3b1a7c04", "claude-sonnet-4-5", "Anthropic", true, "manual", true,
                new String[] {"none", "low", "medium", "high"}, "none", new String[] {"5m", "1h"}, "5m", "provider_default");
        model(models, "0b6f6c55-3c1e-4d2a-9a51-6f0d3b1a7c05", "gemini-2.5-flash", "Google", true, "adaptive", true,
                new String[] {"none", "low", "medium", "high"}, "low", new String[0], null, "provider_default");
        return models;
    }

    private static void model(ArrayNode models, String id, String name, String provider, boolean reasoning, String thinking,
                              boolean customSampling, String[] efforts, String defaultEffort, String[] ttls, String defaultTtl,
                              String surface) {
        ObjectNode m = models.addObject();
        m.put("id", id);
        m.put("name", name);
        m.put("provider", provider);
        m.put("reasoning_model", reasoning);
        m.put("thinking_mode", thinking);
        m.put("supports_custom_sampling", customSampling);
        ArrayNode e = m.putArray("supported_reasoning_efforts");
        for (String effort : efforts) {
            e.add(effort);
        }
        m.put("default_reasoning_effort", defaultEffort);
        ArrayNode t = m.putArray("supported_prompt_cache_ttls");
        for (String ttl : ttls) {
            t.add(ttl);
        }
        m.put("default_prompt_cache_ttl", defaultTtl);
        m.put("api_surface", surface);
    }
}
