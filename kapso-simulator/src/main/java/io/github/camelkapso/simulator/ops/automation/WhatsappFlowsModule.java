package io.github.camelkapso.simulator.ops.automation;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.ops.QueryFilters;
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;

/**
 * Kapso's WhatsApp Flows (Platform API): flows, versions, publishing and encryption set-up, each synced to the Meta
 * flow behind it (store meta_flows). Rules:
 * <ul>
 * <li>creating needs the phone_number_id of a number of the project (404); the name defaults to flow_&lt;timestamp&gt;
 * and is unique in the WhatsApp Business account (422, as Meta); flow_json defaults to a one-screen welcome flow;
 * publish=true publishes at once;</li>
 * <li>a Flow JSON must pass Meta's structural checks ({@link FlowJsonValidator}): otherwise 422
 * {"error", "validation_errors": [{error, error_type, message, pointers}]};</li>
 * <li>creating a flow creates its Meta flow (DRAFT) and version v1; each new version is v&lt;n&gt; with the SHA-256 of
 * its JSON; a draft flow's Meta flow takes the new JSON at once, a published flow's at the next publish;</li>
 * <li>flows list newest first with page/per_page and the status, business_account_id, phone_number_id,
 * name_contains, created_after and created_before filters; versions list newest first, without flow_json;</li>
 * <li>publishing publishes the newest draft version (422 when there is none, or when its JSON declares
 * data_api_version and no data endpoint is registered); published flows stay published; preview_url is only
 * answered for drafts; the Kapso status follows the Meta flow's status;</li>
 * <li>setup_encryption configures the WhatsApp Business account once: status success, then already_configured.</li>
 * </ul>
 */
public final class WhatsappFlowsModule implements SimulatorModule {

    private static final DateTimeFormatter NAME_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss_SSS").withZone(ZoneOffset.UTC);

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        PlatformFlows flows = new PlatformFlows(ctx);
        Store store = flows.flows();
        backfillVersions(flows);

        handlers.on("createWhatsappFlow", r -> {
            ObjectNode body = r.attributes();
            String phoneNumberId = body.path("phone_number_id").asText();
            ObjectNode phone = flows.phone(r, phoneNumberId);
            String waba = phone.path("business_account_id").asText();
            String name = body.hasNonNull("name") ? body.get("name").asText() : "flow_" + NAME_STAMP.format(ctx.clock().now());
            if (flows.nameTaken(waba, name)) {
                throw ApiError.unprocessable("name " + name + " is already used by another flow of WhatsApp Business account " + waba);
            }
            JsonNode flowJson = body.hasNonNull("flow_json") ? body.get("flow_json") : welcomeFlow();
            FlowJsonValidator.check(flowJson);
            if (body.path("publish").asBoolean(false)) {
                PlatformFlows.checkPublishable(null, flowJson);
            }
            ObjectNode meta = flows.createMeta(name, waba, flowJson);
            ObjectNode flow = SimState.object();
            String now = ctx.clock().iso();
            flow.put("id", Ids.uuid());
            flow.put("meta_flow_id", meta.path("id").asText());
            flow.put("name", name);
            flow.put("status", "draft");
            flow.put("json_version", flowJson.path("version").asText());
            flow.set("data_api_version", flowJson.hasNonNull("data_api_version") ? flowJson.get("data_api_version") : null);
            flow.put("business_account_id", waba);
            flow.put("preview_url", "https://business.facebook.com/wa/manage/flows/" + meta.path("id").asText()
                                    + "/preview/?token=" + Ids.token(12));
            flow.putNull("published_at");
            flow.put("last_synced_at", now);
            flow.put("created_at", now);
            flow.put("updated_at", now);
            flow.putNull("data_endpoint_function_id");
            flow.put("phone_number_id", phoneNumberId);
            flow.putNull("data_endpoint_url");
            flow.put("has_data_endpoint", false);
            flow.put("flows_encryption_configured", false);
            store.put(flow);
            flows.addVersion(flow, flowJson);
            if (body.path("publish").asBoolean(false)) {
                flows.publish(flow);
            }
            return SimResponse.data(201, flows.sync(flow));
        });
        handlers.on("listWhatsappFlows", r -> {
            store.all().forEach(flows::sync);
            return Paging.page(r, store.newestFirst(QueryFilters.of(r), "created_at"), 100);
        });
        handlers.on("getWhatsappFlow", r -> SimResponse.data(200, flows.require(r)));
        handlers.on("createWhatsappFlowVersion", r -> {
            ObjectNode flow = flows.require(r);
            ObjectNode body = r.attributes();
            if (body.hasNonNull("phone_number_id")) {
                flows.phone(r, body.get("phone_number_id").asText());
            }
            JsonNode flowJson = body.get("flow_json");
            FlowJsonValidator.check(flowJson);
            ObjectNode version = flows.addVersion(flow, flowJson);
            return SimResponse.data(201, publicVersion(version, true));
        });
        handlers.on("listWhatsappFlowVersions", r -> {
            ObjectNode flow = flows.require(r);
            List<Store.Entry> versions = flows.versionsOf(flow.path("id").asText()).stream()
                    .map(e -> new Store.Entry(publicVersion(e.node(), false), e.seq())).collect(Collectors.toList());
            return Paging.page(r, versions, 100);
        });
        handlers.on("getWhatsappFlowVersion", r -> {
            ObjectNode flow = flows.require(r);
            ObjectNode version = flows.versions().get(r.path("version_id"))
                    .filter(v -> flow.path("id").asText().equals(v.path("flow_id").asText()))
                    .orElseThrow(() -> ApiError.notFound(r.operation(), "Flow version " + r.path("version_id")));
            return SimResponse.data(200, publicVersion(version, true));
        });
        handlers.on("publishWhatsappFlow", r -> {
            ObjectNode flow = flows.require(r);
            JsonNode body = r.json();
            if (body.hasNonNull("phone_number_id")) {
                flows.phone(r, body.get("phone_number_id").asText());
            }
            flows.publish(flow);
            return SimResponse.data(200, flows.sync(flow));
        });
        handlers.on("setupFlowEncryption", r -> {
            ObjectNode flow = flows.require(r);
            JsonNode body = r.json();
            String waba = body.hasNonNull("phone_number_id")
                    ? flows.phone(r, body.get("phone_number_id").asText()).path("business_account_id").asText()
                    : flow.path("business_account_id").asText();
            boolean fresh = FlowEncryption.of(ctx).configure(waba);
            flows.sync(flow);
            ObjectNode data = SimState.object();
            data.put("status", fresh ? "success" : "already_configured");
            data.put("message", fresh ? "Flows encryption configured for WhatsApp Business account " + waba
                    : "Flows encryption is already configured for WhatsApp Business account " + waba);
            data.put("flows_encryption_configured", true);
            return SimResponse.data(200, data);
        });
    }

    /** Flows that exist before this module (the seeded sample) get their v1 from the Meta flow's JSON. */
    private static void backfillVersions(PlatformFlows flows) {
        for (ObjectNode flow : flows.flows().all()) {
            if (flows.versionsOf(flow.path("id").asText()).isEmpty()) {
                flows.meta(flow).ifPresent(m -> {
                    ObjectNode version = flows.addVersion(flow, m.path("flow_json"));
                    if ("PUBLISHED".equals(m.path("status").asText())) {
                        version.put("status", "published");
                        version.set("published_at", flow.get("published_at"));
                    }
                });
            }
        }
    }

    static ObjectNode publicVersion(ObjectNode version, boolean withJson) {
        ObjectNode v = version.deepCopy();
        v.remove("flow_id");
        if (!withJson) {
            v.remove("flow_json");
        }
        return v;
    }

    /** The basic welcome screen Kapso starts a flow with. */
    static ObjectNode welcomeFlow() {
        ObjectNode json = SimState.object();
        json.put("version", "7.0");
        ArrayNode screens = json.putArray("screens");
        ObjectNode screen = screens.addObject();
        screen.put("id", "WELCOME");
        screen.put("title", "Welcome");
        screen.put("terminal", true);
        ObjectNode layout = screen.putObject("layout");
        layout.put("type", "SingleColumnLayout");
        ArrayNode children = layout.putArray("children");
        children.addObject().put("type", "TextHeading").put("text", "Welcome");
        ObjectNode footer = children.addObject();
        footer.put("type", "Footer");
        footer.put("label", "Done");
        ObjectNode action = footer.putObject("on-click-action");
        action.put("name", "complete");
        action.putObject("payload");
        return json;
    }
}
