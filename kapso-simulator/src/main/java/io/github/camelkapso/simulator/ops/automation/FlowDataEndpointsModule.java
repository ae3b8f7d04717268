package io.github.camelkapso.simulator.ops.automation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;

/**
 * Kapso-hosted data endpoints of WhatsApp Flows: a Cloudflare Worker function per flow (shared functions store, so it
 * also appears in the functions API), deployed, registered with Meta, and observed through its invocations and logs.
 * The Meta &lt;-&gt; endpoint crypto (flows-data-endpoint.md, section A) is Meta's side and not played here. Rules:
 * <ul>
 * <li>setting the code creates the function (flow-&lt;flow name&gt;-data-endpoint, draft) or updates the code of the
 * current one (at most 1 MB, 422); it answers {function_id, function_name, endpoint_url, status, last_deployed_at,
 * code};</li>
 * <li>deploy deploys at once (200); code whose brackets do not balance is 422 and leaves the function in error;</li>
 * <li>register needs flows encryption on the flow's WhatsApp Business account and a deployed function (422); it sets
 * data_endpoint_url, has_data_endpoint and data_api_version 3.0 on the flow and endpoint_uri on the Meta flow;
 * published flows are republished (warning null);</li>
 * <li>attach (PATCH function_id) links a deployed function of the project (404 unknown, 422 not deployed), needs the
 * flow's phone number and encryption (422), and registers it; several flows may share a function;</li>
 * <li>get, invocations (status success|failed, limit 1-20, default 10) and logs (limit 1-50, default 20; the console
 * lines of the invocations, newest first) are 422 when the flow has no data endpoint; they cover the whole
 * function, whichever flow invoked it.</li>
 * </ul>
 */
public final class FlowDataEndpointsModule implements SimulatorModule {

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        PlatformFlows flows = new PlatformFlows(ctx);
        FunctionRuntime runtime = FunctionRuntime.of(ctx);
        Store functions = runtime.functions();

        handlers.on("setFlowDataEndpointCode", r -> {
            ObjectNode flow = flows.require(r);
            String code = Crud.requireText(r.attributes(), "code", null);
            if (code.getBytes(StandardCharsets.UTF_8).length > FunctionsModule.MAX_CODE_BYTES) {
                throw ApiError.unprocessable("code is too large (maximum is 1 MB)");
            }
            Optional<ObjectNode> current = endpoint(functions, flow);
            ObjectNode fn;
            if (current.isPresent()) {
                fn = current.get();
                fn.put("code", code);
                fn.put("lock_version", fn.path("lock_version").asInt() + 1);
                fn.put("updated_at", ctx.clock().iso());
            } else {
                String base = "flow-" + Slugs.of(flow.path("name").asText(), "flow") + "-data-endpoint";
                String slug = Slugs.unique(base, s -> functions.find(f -> s.equals(f.path("slug").asText())).isPresent());
                ObjectNode extra = SimState.object();
                extra.put("description", "Data endpoint of WhatsApp flow " + flow.path("name").asText());
                fn = runtime.create(FunctionsModule.origin(r), slug, slug, code, "cloudflare_worker", extra);
                flow.put("data_endpoint_function_id", fn.path("id").asText());
                flow.put("updated_at", ctx.clock().iso());
            }
            return SimResponse.data(200, view(fn));
        });
        handlers.on("deployFlowDataEndpoint", r -> {
            ObjectNode fn = requireEndpoint(flows, functions, r);
            runtime.deployNow(fn);
            if (!FunctionRuntime.deployed(fn)) {
                throw ApiError.unprocessable("Deployment failed: " + fn.path("deploy_error").asText());
            }
            return SimResponse.data(200, view(fn));
        });
        handlers.on("registerFlowDataEndpoint", r -> {
            ObjectNode flow = flows.require(r);
            ObjectNode fn = requireEndpoint(flows, functions, r);
            return SimResponse.data(200, registration(ctx, flows, flow, fn));
        });
        handlers.on("attachFlowDataEndpoint", r -> {
            ObjectNode flow = flows.require(r);
            String functionId = Crud.requireText(r.attributes(), "function_id", null);
            ObjectNode fn = functions.get(functionId).orElseThrow(() -> ApiError.platform(404, "Function not found"));
            if (flow.path("phone_number_id").isNull() || flow.path("phone_number_id").asText().isEmpty()) {
                throw ApiError.unprocessable("The flow has no WhatsApp phone number to register the endpoint with");
            }
            return SimResponse.data(200, registration(ctx, flows, flow, fn));
        });
        handlers.on("getFlowDataEndpoint", r -> SimResponse.data(200, view(requireEndpoint(flows, functions, r))));
        handlers.on("getFlowFunctionInvocations", r -> {
            ObjectNode fn = requireEndpoint(flows, functions, r);
            int limit = r.intQuery("limit", 10, 1, 20);
            ObjectNode data = header(fn);
            ArrayNode list = data.putArray("invocations");
            runtime.invocations(fn.path("id").asText(), r.query("status")).stream().limit(limit).forEach(e -> {
                ObjectNode v = e.node().deepCopy();
                v.remove("function_id");
                v.remove("console_logs");
                list.add(v);
            });
            return SimResponse.data(200, data);
        });
        handlers.on("getFlowFunctionLogs", r -> {
            ObjectNode fn = requireEndpoint(flows, functions, r);
            int limit = r.intQuery("limit", 20, 1, 50);
            List<ObjectNode> logs = new ArrayList<>();
            for (Store.Entry e : runtime.invocations(fn.path("id").asText(), null)) {
                boolean failed = e.node().path("status_code").asInt() / 100 != 2;
                for (JsonNode line : e.node().path("console_logs")) {
                    ObjectNode log = SimState.object();
                    log.set("level", line.get("level"));
                    log.set("message", line.get("message"));
                    log.set("logged_at", line.get("logged_at"));
                    log.set("stack", line.has("stack") ? line.get("stack") : null);
                    log.set("cf_ray", e.node().get("cf_ray"));
                    log.put("outcome", failed ? "exception" : "ok");
                    logs.add(log);
                }
            }
            ObjectNode data = header(fn);
            ArrayNode list = data.putArray("logs");
            logs.stream().limit(limit).forEach(list::add);
            return SimResponse.data(200, data);
        });
    }

    private static ObjectNode registration(SimContext ctx, PlatformFlows flows, ObjectNode flow, ObjectNode fn) {
        if (!FlowEncryption.of(ctx).configured(flow.path("business_account_id").asText())) {
            throw ApiError.unprocessable("Flows encryption is not configured for WhatsApp Business account "
                                         + flow.path("business_account_id").asText() + "; call setup_encryption first");
        }
        if (!FunctionRuntime.deployed(fn)) {
            throw ApiError.unprocessable("The data endpoint function " + fn.path("name").asText() + " is not deployed");
        }
        flows.register(flow, fn);
        ObjectNode data = view(fn);
        data.put("flow_id", flow.path("id").asText());
        data.put("flow_data_endpoint_function_id", fn.path("id").asText());
        data.put("flow_has_encryption", true);
        data.putNull("warning");
        return data;
    }

    private static Optional<ObjectNode> endpoint(Store functions, ObjectNode flow) {
        String id = flow.path("data_endpoint_function_id").asText(null);
        return id == null ? Optional.empty() : functions.get(id);
    }

    private static ObjectNode requireEndpoint(PlatformFlows flows, Store functions, SimRequest r) {
        ObjectNode flow = flows.require(r);
        return endpoint(functions, flow).orElseThrow(() ->
                ApiError.unprocessable("No data endpoint is configured for this flow; set its code first"));
    }

    private static ObjectNode view(ObjectNode fn) {
        ObjectNode v = SimState.object();
        v.put("function_id", fn.path("id").asText());
        v.put("function_name", fn.path("name").asText());
        v.set("endpoint_url", fn.get("endpoint_url"));
        v.set("status", fn.get("status"));
        v.set("last_deployed_at", fn.get("last_deployed_at"));
        v.set("code", fn.get("code"));
        return v;
    }

    private static ObjectNode header(ObjectNode fn) {
        ObjectNode data = SimState.object();
        data.put("function_id", fn.path("id").asText());
        data.put("function_name", fn.path("name").asText());
        return data;
    }
}
