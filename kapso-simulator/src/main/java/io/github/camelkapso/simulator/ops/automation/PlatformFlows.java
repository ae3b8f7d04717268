package io.github.camelkapso.simulator.ops.automation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.ops.Crud;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * Kapso's WhatsApp Flow records and the Meta flows behind them, kept in step: a Kapso flow (uuid) points at its
 * Meta flow ({@code meta_flow_id}, store {@link Stores#META_FLOWS}); its status follows the Meta flow's, and what
 * Kapso publishes, versions or registers is written to the Meta flow.
 */
final class PlatformFlows {

    private final SimContext ctx;
    private final Store flows;
    private final Store versions;
    private final Store metaFlows;

    PlatformFlows(SimContext ctx) {
        this.ctx = ctx;
        this.flows = ctx.state().store(Stores.WHATSAPP_FLOWS);
        this.versions = ctx.state().store(Stores.FLOW_VERSIONS);
        this.metaFlows = ctx.state().store(Stores.META_FLOWS);
    }

    Store flows() {
        return flows;
    }

    Store versions() {
        return versions;
    }

    ObjectNode require(SimRequest r) {
        return sync(Crud.require(flows, r, "flow_id", "WhatsApp flow"));
    }

    Optional<ObjectNode> meta(ObjectNode flow) {
        return metaFlows.get(flow.path("meta_flow_id").asText());
    }

    /** Refreshes what the Kapso record mirrors: the Meta flow's status and the WABA's encryption. */
    ObjectNode sync(ObjectNode flow) {
        meta(flow).ifPresent(m -> {
            String status = "PUBLISHED".equals(m.path("status").asText()) ? "published" : "draft";
            if (!status.equals(flow.path("status").asText())) {
                flow.put("status", status);
                if (status.equals("published") && flow.path("published_at").isNull()) {
                    flow.put("published_at", ctx.clock().iso());
                }
            }
        });
        flow.put("flows_encryption_configured", FlowEncryption.of(ctx).configured(flow.path("business_account_id").asText()));
        String functionId = flow.path("data_endpoint_function_id").asText(null);
        if (functionId != null && !ctx.state().store(AutomationStores.FUNCTIONS).contains(functionId)) {
            flow.put("has_data_endpoint", false);
        }
        return flow;
    }

    ObjectNode phone(SimRequest r, String phoneNumberId) {
        return ctx.state().store(Stores.PHONE_NUMBERS).get(phoneNumberId)
                .orElseThrow(() -> ApiError.notFound(r.operation(), "WhatsApp phone number " + phoneNumberId));
    }

    /** A new Meta flow in DRAFT, as Meta's createFlow makes it. */
    ObjectNode createMeta(String name, String businessAccountId, JsonNode flowJson) {
        ObjectNode meta = SimState.object();
        meta.put("id", Ids.numeric());
        meta.put("name", name);
        meta.put("status", "DRAFT");
        meta.putArray("categories").add("OTHER");
        meta.putArray("validation_errors");
        meta.put("json_version", flowJson.path("version").asText());
        meta.set("data_api_version", flowJson.hasNonNull("data_api_version") ? flowJson.get("data_api_version") : null);
        meta.putNull("endpoint_uri");
        meta.put("business_account_id", businessAccountId);
        meta.set("flow_json", flowJson.deepCopy());
        meta.put("created_at", ctx.clock().iso());
        return metaFlows.put(meta);
    }

    boolean nameTaken(String businessAccountId, String name) {
        return metaFlows.find(m -> name.equals(m.path("name").asText())
                                   && businessAccountId.equals(m.path("business_account_id").asText())).isPresent();
    }

    /** A new draft version; a draft flow's Meta flow takes its JSON at once, a published one at the next publish. */
    ObjectNode addVersion(ObjectNode flow, JsonNode flowJson) {
        String flowId = flow.path("id").asText();
        int number = versionsOf(flowId).size() + 1;
        String now = ctx.clock().iso();
        ObjectNode version = SimState.object();
        version.put("id", Ids.uuid());
        version.put("flow_id", flowId);
        version.put("version_label", "v" + number);
        version.put("status", "draft");
        version.put("flow_json_sha", sha256(flowJson.toString()));
        version.putNull("published_at");
        version.putArray("validation_errors");
        version.put("created_at", now);
        version.put("updated_at", now);
        version.set("flow_json", flowJson.deepCopy());
        versions.put(version);
        flow.put("json_version", flowJson.path("version").asText());
        flow.put("last_synced_at", now);
        flow.put("updated_at", now);
        if (!"published".equals(flow.path("status").asText())) {
            meta(flow).ifPresent(m -> writeJson(m, flowJson));
        }
        return version;
    }

    List<Store.Entry> versionsOf(String flowId) {
        return versions.newestFirst(v -> flowId.equals(v.path("flow_id").asText()), "created_at");
    }

    /** Publishes the newest draft version (422 when there is none or the flow needs an endpoint it lacks). */
    void publish(ObjectNode flow) {
        List<Store.Entry> all = versionsOf(flow.path("id").asText());
        if (all.isEmpty() || !"draft".equals(all.get(0).node().path("status").asText())) {
            throw ApiError.unprocessable("Cannot publish: the flow has no draft version (create a version first)");
        }
        ObjectNode version = all.get(0).node();
        JsonNode flowJson = version.get("flow_json");
        checkPublishable(flow, flowJson);
        String now = ctx.clock().iso();
        version.put("status", "published");
        version.put("published_at", now);
        version.put("updated_at", now);
        meta(flow).ifPresent(m -> {
            writeJson(m, flowJson);
            m.put("status", "PUBLISHED");
        });
        flow.put("status", "published");
        flow.put("published_at", now);
        flow.putNull("preview_url");
        flow.put("last_synced_at", now);
        flow.put("updated_at", now);
    }

    /** A Flow JSON that declares data_api_version needs a registered data endpoint before it can be published. */
    static void checkPublishable(ObjectNode flow, JsonNode flowJson) {
        if (flowJson.hasNonNull("data_api_version") && (flow == null || flow.path("data_endpoint_url").isNull())) {
            throw ApiError.unprocessable("Cannot publish: the Flow JSON declares data_api_version, so the flow needs a "
                                         + "registered data endpoint first");
        }
    }

    /** Points the flow (and its Meta flow) at a deployed data endpoint function. */
    void register(ObjectNode flow, ObjectNode function) {
        String now = ctx.clock().iso();
        flow.put("data_endpoint_function_id", function.path("id").asText());
        flow.put("data_endpoint_url", function.path("endpoint_url").asText());
        flow.put("has_data_endpoint", true);
        flow.put("data_api_version", "3.0");
        flow.put("last_synced_at", now);
        flow.put("updated_at", now);
        meta(flow).ifPresent(m -> {
            m.put("endpoint_uri", function.path("endpoint_url").asText());
            m.put("data_api_version", "3.0");
        });
    }

    private static void writeJson(ObjectNode meta, JsonNode flowJson) {
        meta.set("flow_json", flowJson.deepCopy());
        meta.put("json_version", flowJson.path("version").asText());
        meta.putArray("validation_errors");
        if (flowJson.hasNonNull("data_api_version")) {
            meta.set("data_api_version", flowJson.get("data_api_version"));
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
