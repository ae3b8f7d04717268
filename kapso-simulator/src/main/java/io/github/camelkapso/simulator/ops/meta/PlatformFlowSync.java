package io.github.camelkapso.simulator.ops.meta;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * Keeps the Platform's WhatsApp Flow records ({@link Stores#WHATSAPP_FLOWS}) in step with the Meta Flow they
 * reference by {@code meta_flow_id}, as Kapso's flow sync does: name, status (draft/published; a deprecated Meta
 * Flow keeps its last Platform status, which has no deprecated value), JSON and data API versions, published_at and
 * last_synced_at. A deleted Meta Flow takes its Platform records with it.
 */
final class PlatformFlowSync {

    private final SimContext ctx;
    private final Store platformFlows;

    PlatformFlowSync(SimContext ctx) {
        this.ctx = ctx;
        this.platformFlows = ctx.state().store(Stores.WHATSAPP_FLOWS);
    }

    void changed(ObjectNode metaFlow) {
        String now = ctx.clock().iso();
        for (ObjectNode p : linked(metaFlow.path("id").asText())) {
            p.put("name", metaFlow.path("name").asText());
            String status = metaFlow.path("status").asText();
            if (status.equals("DRAFT")) {
                p.put("status", "draft");
            } else if (status.equals("PUBLISHED")) {
                p.put("status", "published");
                if (p.path("published_at").isNull() || p.path("published_at").isMissingNode()) {
                    p.put("published_at", now);
                }
            }
            p.set("json_version", metaFlow.get("json_version"));
            p.set("data_api_version", metaFlow.get("data_api_version"));
            p.put("last_synced_at", now);
            p.put("updated_at", now);
        }
    }

    void deleted(String metaFlowId) {
        linked(metaFlowId).forEach(p -> platformFlows.remove(p.path("id").asText()));
    }

    private List<ObjectNode> linked(String metaFlowId) {
        return platformFlows.all().stream().filter(p -> metaFlowId.equals(p.path("meta_flow_id").asText())).toList();
    }
}
