package io.github.camelkapso.simulator.ops.meta;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * WhatsApp Flows on the Meta proxy: create (per account or per phone number), list, get, metadata, Flow JSON
 * assets, publish, deprecate, delete. Rules:
 * <ul>
 * <li>createFlow needs a name and at least one category; names are unique in the business account (Graph 100
 * "Flow name is not unique"); clone_flow_id must name a Flow of the account and cannot be combined with flow_json;
 * flow_json (a JSON string) is validated; publish=true publishes at once when the JSON is valid, else the Flow
 * stays DRAFT and the answer carries the validation_errors. Answers {id, success, validation_errors}.</li>
 * <li>The phone-number-scoped create and list act on the number's business account; an unknown number or account
 * is a Graph 404.</li>
 * <li>Lists are newest first with Graph cursor paging; items carry id, name, status, categories,
 * validation_errors.</li>
 * <li>getFlow answers those default fields, or ?fields among id, name, status, categories, validation_errors,
 * json_version, data_api_version, endpoint_uri, preview (preview_url and expires_at, 30 days; invalidate(true)
 * issues a new one), whatsapp_business_account, application, health_status and metric (the simulator has no
 * metrics: data_points is empty). Unknown fields: Graph 100. A phone_number_id or business_account_id query
 * parameter must belong to the Flow's account (else 404).</li>
 * <li>uploadFlowJson takes multipart name=flow.json, asset_type=FLOW_JSON and the file (at most 10 MB), checks the
 * JSON (see {@link FlowJsonValidator}) and answers {success, validation_errors}; getFlowAssets lists the
 * flow.json asset with a download_url (valid 1 hour, served by media_download).</li>
 * <li>Only DRAFT Flows change: metadata updates and JSON uploads on a PUBLISHED or DEPRECATED Flow are Graph 139001
 * (published Flows are immutable).</li>
 * <li>publishFlow needs a DRAFT Flow with a Flow JSON without validation errors, and an endpoint_uri when the JSON
 * declares a data_api_version (else Graph 139002); it is irreversible. deprecateFlow needs a PUBLISHED Flow.
 * deleteFlow deletes only DRAFT Flows (Graph 139001 "deprecate it instead" otherwise).</li>
 * <li>Changes are mirrored onto the Platform WhatsApp Flow that references the Meta Flow (see
 * {@link PlatformFlowSync}).</li>
 * </ul>
 */
public final class MetaFlowsModule implements SimulatorModule {

    public static final String ASSET_KIND = "flow_asset";
    static final long MAX_FLOW_JSON_BYTES = 10L * 1024 * 1024;
    static final Duration ASSET_URL_LIFE = Duration.ofHours(1);
    static final Duration PREVIEW_LIFE = Duration.ofDays(30);
    static final List<String> LIST_FIELDS = List.of("id", "name", "status", "categories", "validation_errors");
    static final Set<String> KNOWN_FIELDS = Set.of("id", "name", "status", "categories", "validation_errors", "json_version",
            "data_api_version", "endpoint_uri", "preview", "whatsapp_business_account", "application", "health_status", "metric");
    private static final Pattern MODIFIER = Pattern.compile("\\.(\\w+)\\(([^)]*)\\)");

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        Store flows = ctx.state().store(Stores.META_FLOWS);
        MetaNodes nodes = new MetaNodes(ctx);
        PlatformFlowSync sync = new PlatformFlowSync(ctx);
        DownloadTokens.of(ctx).resolver(ASSET_KIND, id -> flows.get(id).flatMap(MetaFlowsModule::asset));

        handlers.on("createFlow", r -> create(r, ctx, flows, sync, nodes.businessAccount(r).path("id").asText()));
        handlers.on("createFlowForPhoneNumber", r -> create(r, ctx, flows, sync, nodes.businessAccountOf(nodes.phone(r))));
        handlers.on("listFlows", r -> list(r, flows, nodes.businessAccount(r).path("id").asText()));
        handlers.on("listFlowsForPhoneNumber", r -> list(r, flows, nodes.businessAccountOf(nodes.phone(r))));

        handlers.on("getFlow", r -> {
            ObjectNode flow = flow(r, flows, nodes);
            String raw = r.query("fields");
            if (raw == null || raw.isBlank()) {
                return SimResponse.json(200, listView(flow));
            }
            Set<String> fields = GraphFields.requested(r, Set.copyOf(LIST_FIELDS), KNOWN_FIELDS, "WhatsAppFlow");
            ObjectNode out = SimState.object();
            out.put("id", flow.path("id").asText());
            for (String f : fields) {
                JsonNode v = field(r, ctx, flow, f);
                if (v != null) {
                    out.set(f, v);
                }
            }
            return SimResponse.json(200, out);
        });

        handlers.on("updateFlowMetadata", r -> {
            ObjectNode flow = flow(r, flows, nodes);
            requireDraft(flow, "update the metadata of");
            ObjectNode body = r.attributes();
            if (body.has("name")) {
                String name = body.path("name").asText("").strip();
                if (name.isEmpty()) {
                    throw MetaErrors.invalid("name", "must not be blank");
                }
                requireUniqueName(flows, flow.path("business_account_id").asText(), name, flow.path("id").asText());
                flow.put("name", name);
            }
            if (body.has("categories")) {
                if (!body.path("categories").isArray() || body.path("categories").isEmpty()) {
                    throw MetaErrors.invalid("categories", "must list at least one category");
                }
                flow.set("categories", body.get("categories").deepCopy());
            }
            if (body.has("endpoint_uri")) {
                flow.set("endpoint_uri", body.get("endpoint_uri").deepCopy());
            }
            if (body.has("application_id")) {
                flow.set("application_id", body.get("application_id").deepCopy());
            }
            touched(ctx, flow, sync);
            return SimResponse.success();
        });

        handlers.on("uploadFlowJson", r -> {
            ObjectNode flow = flow(r, flows, nodes);
            Multipart form = Multipart.parse(r);
            String name = form.field("name");
            if (name == null) {
                throw MetaErrors.required("name");
            }
            if (!name.equals("flow.json")) {
                throw MetaErrors.invalid("name", "must be flow.json");
            }
            String assetType = form.field("asset_type");
            if (assetType == null) {
                throw MetaErrors.required("asset_type");
            }
            if (!assetType.equals("FLOW_JSON")) {
                throw MetaErrors.invalid("asset_type", "must be FLOW_JSON");
            }
            Multipart.Part file = form.part("file").orElseThrow(() -> MetaErrors.required("file"));
            if (file.content().length > MAX_FLOW_JSON_BYTES) {
                throw MetaErrors.invalid("file", "is " + file.content().length + " bytes; a Flow JSON may be at most "
                                                 + MAX_FLOW_JSON_BYTES + " bytes");
            }
            requireDraft(flow, "upload a Flow JSON to");
            ArrayNode errors = store(flow, file.text());
            touched(ctx, flow, sync);
            ObjectNode answer = SimState.object();
            answer.put("success", true);
            answer.set("validation_errors", errors.deepCopy());
            return SimResponse.json(200, answer);
        });

        handlers.on("getFlowAssets", r -> {
            ObjectNode flow = flow(r, flows, nodes);
            ObjectNode body = SimState.object();
            ArrayNode data = body.putArray("data");
            if (asset(flow).isPresent()) {
                ObjectNode a = data.addObject();
                a.put("name", "flow.json");
                a.put("asset_type", "FLOW_JSON");
                a.put("download_url", DownloadTokens.of(ctx).url(MetaNodes.base(r),
                        new DownloadTokens.Subject(ASSET_KIND, flow.path("id").asText()), ctx.clock().now().plus(ASSET_URL_LIFE)));
                body.putObject("paging").putObject("cursors").put("before",
                        Base64.getEncoder().encodeToString(("flow.json:" + flow.path("id").asText()).getBytes(StandardCharsets.UTF_8)));
            }
            return SimResponse.json(200, body);
        });

        handlers.on("publishFlow", r -> {
            ObjectNode flow = flow(r, flows, nodes);
            String problem = publishProblem(flow);
            if (problem != null) {
                throw MetaErrors.FLOW_PUBLISH.error(problem);
            }
            flow.put("status", "PUBLISHED");
            touched(ctx, flow, sync);
            return SimResponse.success();
        });

        handlers.on("deprecateFlow", r -> {
            ObjectNode flow = flow(r, flows, nodes);
            if (!"PUBLISHED".equals(flow.path("status").asText())) {
                throw MetaErrors.FLOW_REQUEST.error("Only PUBLISHED flows can be deprecated; flow " + flow.path("id").asText()
                                                    + " is " + flow.path("status").asText());
            }
            flow.put("status", "DEPRECATED");
            touched(ctx, flow, sync);
            return SimResponse.success();
        });

        handlers.on("deleteFlow", r -> {
            ObjectNode flow = flow(r, flows, nodes);
            if (!"DRAFT".equals(flow.path("status").asText())) {
                throw MetaErrors.FLOW_REQUEST.error("Only DRAFT flows can be deleted; flow " + flow.path("id").asText() + " is "
                                                    + flow.path("status").asText() + ". Deprecate a published flow instead.");
            }
            flows.remove(flow.path("id").asText());
            sync.deleted(flow.path("id").asText());
            return SimResponse.success();
        });
    }

    private static SimResponse create(SimRequest r, SimContext ctx, Store flows, PlatformFlowSync sync, String waba) {
        ObjectNode body = r.attributes();
        String name = body.path("name").asText("").strip();
        if (name.isEmpty()) {
            throw MetaErrors.required("name");
        }
        if (!body.path("categories").isArray() || body.path("categories").isEmpty()) {
            throw MetaErrors.invalid("categories", "must list at least one category");
        }
        requireUniqueName(flows, waba, name, null);
        String now = ctx.clock().iso();
        ObjectNode flow = SimState.object();
        flow.put("id", Ids.numeric());
        flow.put("name", name);
        flow.put("status", "DRAFT");
        flow.set("categories", body.get("categories").deepCopy());
        flow.putArray("validation_errors");
        flow.putNull("json_version");
        flow.putNull("data_api_version");
        flow.set("endpoint_uri", body.hasNonNull("endpoint_uri") ? body.get("endpoint_uri").deepCopy() : JsonNodeFactory.instance.nullNode());
        flow.put("business_account_id", waba);
        flow.putNull("flow_json");
        flow.put("created_at", now);
        flow.put("updated_at", now);
        String cloneOf = body.path("clone_flow_id").asText(null);
        if (cloneOf != null && body.hasNonNull("flow_json")) {
            throw MetaErrors.invalid("clone_flow_id", "cannot be combined with flow_json");
        }
        if (cloneOf != null) {
            ObjectNode source = flows.get(cloneOf).filter(f -> waba.equals(f.path("business_account_id").asText()))
                    .orElseThrow(() -> MetaErrors.invalid("clone_flow_id", "Flow with specified ID does not exist: " + cloneOf));
            asset(source).ifPresent(a -> store(flow, new String(a.bytes(), StandardCharsets.UTF_8)));
            if (flow.path("endpoint_uri").isNull()) {
                flow.set("endpoint_uri", source.get("endpoint_uri"));
            }
        }
        if (body.hasNonNull("flow_json")) {
            JsonNode json = body.get("flow_json");
            store(flow, json.isTextual() ? json.asText() : json.toString());
        }
        if (body.path("publish").asBoolean(false)) {
            if (flow.path("flow_json").isNull() && flow.path("validation_errors").isEmpty()) {
                throw MetaErrors.invalid("publish", "needs a valid flow_json");
            }
            if (publishProblem(flow) == null) {
                flow.put("status", "PUBLISHED");
            }
        }
        flows.put(flow);
        sync.changed(flow);
        ObjectNode answer = SimState.object();
        answer.put("id", flow.path("id").asText());
        answer.put("success", true);
        answer.set("validation_errors", flow.path("validation_errors").deepCopy());
        return SimResponse.json(200, answer);
    }

    private static SimResponse list(SimRequest r, Store flows, String waba) {
        List<Store.Entry> entries = flows.newestFirst(f -> waba.equals(f.path("business_account_id").asText()), "created_at")
                .stream().map(e -> new Store.Entry(listView(e.node()), e.seq())).toList();
        return Paging.cursor(r, entries, "id", true, 20, 100);
    }

    private static ObjectNode flow(SimRequest r, Store flows, MetaNodes nodes) {
        String id = r.path("flow_id");
        ObjectNode flow = flows.get(id).orElseThrow(() -> ApiError.notFound(r.operation(), id));
        nodes.checkOwner(r, id, flow.path("business_account_id").asText());
        return flow;
    }

    private static void requireUniqueName(Store flows, String waba, String name, String exceptId) {
        boolean taken = flows.find(f -> waba.equals(f.path("business_account_id").asText()) && name.equals(f.path("name").asText())
                                        && !f.path("id").asText().equals(exceptId)).isPresent();
        if (taken) {
            throw MetaErrors.invalid("name", "Flow name is not unique: another Flow of this WhatsApp Business Account is named \""
                                             + name + "\"");
        }
    }

    private static void requireDraft(ObjectNode flow, String action) {
        String status = flow.path("status").asText();
        if (!status.equals("DRAFT")) {
            throw MetaErrors.FLOW_REQUEST.error("Can't " + action + " flow " + flow.path("id").asText() + ": it is " + status
                                                + ", and only DRAFT flows can change (published flows are immutable)");
        }
    }

    /** Validates and keeps a Flow JSON on the record; answers its validation errors. */
    private static ArrayNode store(ObjectNode flow, String text) {
        FlowJsonValidator.Result result = FlowJsonValidator.validate(text);
        flow.put("flow_json_source", text);
        flow.set("flow_json", result.json() == null ? JsonNodeFactory.instance.nullNode() : result.json().deepCopy());
        flow.set("validation_errors", result.errors());
        JsonNode json = result.json();
        flow.set("json_version", json != null && json.hasNonNull("version") ? json.get("version").deepCopy()
                : JsonNodeFactory.instance.nullNode());
        flow.set("data_api_version", json != null && json.hasNonNull("data_api_version") ? json.get("data_api_version").deepCopy()
                : JsonNodeFactory.instance.nullNode());
        return result.errors();
    }

    private static String publishProblem(ObjectNode flow) {
        String status = flow.path("status").asText();
        if (!status.equals("DRAFT")) {
            return "Flow " + flow.path("id").asText() + " is " + status + "; only DRAFT flows can be published";
        }
        if (asset(flow).isEmpty()) {
            return "Flow " + flow.path("id").asText() + " has no Flow JSON; upload one before publishing";
        }
        if (!flow.path("validation_errors").isEmpty()) {
            return "The Flow JSON has " + flow.path("validation_errors").size() + " validation error(s); fix them before publishing";
        }
        if (!flow.path("data_api_version").isNull() && flow.path("endpoint_uri").isNull()) {
            return "The Flow JSON declares a data_api_version: set the flow's endpoint_uri before publishing";
        }
        return null;
    }

    private static void touched(SimContext ctx, ObjectNode flow, PlatformFlowSync sync) {
        flow.put("updated_at", ctx.clock().iso());
        sync.changed(flow);
    }

    /** The flow.json asset of a Flow, if it has one (the seeded Flow carries only the parsed JSON). */
    static Optional<DownloadTokens.Download> asset(ObjectNode flow) {
        String text = flow.hasNonNull("flow_json_source") ? flow.path("flow_json_source").asText()
                : flow.hasNonNull("flow_json") ? flow.get("flow_json").toString() : null;
        return text == null ? Optional.empty()
                : Optional.of(new DownloadTokens.Download(text.getBytes(StandardCharsets.UTF_8), "application/json", "flow.json"));
    }

    static ObjectNode listView(ObjectNode flow) {
        ObjectNode v = SimState.object();
        for (String f : LIST_FIELDS) {
            JsonNode value = flow.get(f);
            v.set(f, value == null ? (f.equals("validation_errors") || f.equals("categories")
                    ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.nullNode()) : value.deepCopy());
        }
        return v;
    }

    /** The value of a requested Graph field of a Flow. */
    private static JsonNode field(SimRequest r, SimContext ctx, ObjectNode flow, String field) {
        switch (field) {
            case "preview":
                return preview(r, ctx, flow);
            case "whatsapp_business_account": {
                ObjectNode waba = ctx.state().store(Stores.BUSINESS_ACCOUNTS).get(flow.path("business_account_id").asText())
                        .orElse(SimState.object());
                ObjectNode v = SimState.object();
                for (String f : List.of("id", "name", "currency", "timezone_id", "message_template_namespace")) {
                    if (waba.has(f)) {
                        v.set(f, waba.get(f).deepCopy());
                    }
                }
                return v;
            }
            case "application": {
                ObjectNode v = SimState.object();
                v.put("link", "https://app.kapso.ai");
                v.put("name", "Kapso");
                v.put("id", flow.path("application_id").asText(ctx.config().businessAccountId()));
                return v;
            }
            case "health_status": {
                String status = flow.path("status").asText();
                String can = status.equals("DEPRECATED") || status.equals("BLOCKED") ? "BLOCKED" : "AVAILABLE";
                ObjectNode v = SimState.object();
                v.put("can_send_message", can);
                ArrayNode entities = v.putArray("entities");
                entities.addObject().put("entity_type", "FLOW").put("id", flow.path("id").asText()).put("can_send_message", can);
                entities.addObject().put("entity_type", "WABA").put("id", flow.path("business_account_id").asText())
                        .put("can_send_message", "AVAILABLE");
                return v;
            }
            case "metric": {
                ObjectNode v = SimState.object();
                Matcher m = MODIFIER.matcher(String.valueOf(GraphFields.entry(r, "metric")));
                while (m.find()) {
                    if (m.group(1).equals("name") || m.group(1).equals("granularity")) {
                        v.put(m.group(1), m.group(2));
                    }
                }
                v.putArray("data_points");
                return v;
            }
            default: {
                JsonNode v = flow.get(field);
                return v == null ? JsonNodeFactory.instance.nullNode() : v.deepCopy();
            }
        }
    }

    private static ObjectNode preview(SimRequest r, SimContext ctx, ObjectNode flow) {
        boolean invalidate = String.valueOf(GraphFields.entry(r, "preview")).replace(" ", "").contains("invalidate(true)");
        Instant now = ctx.clock().now();
        if (invalidate || !flow.hasNonNull("preview_url") || Instant.parse(flow.path("preview_expires_at").asText()).isBefore(now)) {
            flow.put("preview_url", "https://business.facebook.com/wa/manage/flows/" + flow.path("id").asText()
                                    + "/preview/?token=" + Ids.uuid());
            flow.put("preview_expires_at", now.plus(PREVIEW_LIFE).toString());
        }
        ObjectNode v = SimState.object();
        v.put("preview_url", flow.path("preview_url").asText());
        v.put("expires_at", flow.path("preview_expires_at").asText());
        return v;
    }
}
