package io.github.camelkapso.simulator.ops.automation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;

/**
 * Kapso's serverless functions as far as the simulator can play them: deployment (asynchronous, with a bracket-balance
 * syntax check), the code that is live (what was deployed, not what was saved since), and invocations, which answer
 * from the code's {@link FunctionCode simulator directives} or echo the request, and are all recorded. Shared by the
 * functions API, WhatsApp Flow data endpoints and workflow function steps.
 */
public final class FunctionRuntime {

    /** Kapso deploys in 10-60 s; the simulator takes the low end, scaled by the time factor. */
    static final long DEPLOY_MS = 10_000;

    /** The outcome of one invocation. */
    public record Invocation(String id, int status, JsonNode body, String error) {
        public boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    private final SimContext ctx;
    private final Store functions;
    private final Store invocations;
    private final Map<String, String> liveCode = new HashMap<>();

    private FunctionRuntime(SimContext ctx) {
        this.ctx = ctx;
        this.functions = ctx.state().store(AutomationStores.FUNCTIONS);
        this.invocations = ctx.state().store(AutomationStores.FUNCTION_INVOCATIONS);
    }

    public static FunctionRuntime of(SimContext ctx) {
        return ctx.shared(FunctionRuntime.class, () -> new FunctionRuntime(ctx));
    }

    Store functions() {
        return functions;
    }

    /**
     * A new draft function.
     *
     * @param origin the scheme://host:port the client called, for endpoint_url
     */
    ObjectNode create(String origin, String name, String slug, String code, String type, ObjectNode extra) {
        String id = Ids.uuid();
        String now = ctx.clock().iso();
        ObjectNode fn = SimState.object();
        fn.put("id", id);
        fn.put("name", name);
        fn.put("slug", slug);
        fn.set("description", extra.hasNonNull("description") ? extra.get("description") : NullNode.getInstance());
        fn.put("code", code);
        fn.put("function_type", type);
        fn.put("status", "draft");
        fn.put("version", 0);
        fn.putNull("last_deployed_at");
        fn.put("invoke_response_mode", "passthrough");
        fn.put("public_endpoint", extra.path("public_endpoint").asBoolean(false));
        fn.set("runtime_config", extra.has("runtime_config") ? extra.get("runtime_config").deepCopy() : SimState.object());
        fn.put("endpoint_url", "supabase_function".equals(type)
                ? "https://" + ctx.state().projectId().substring(0, 8) + ".supabase.co/functions/v1/" + slug
                : origin + "/platform/v1/functions/" + id + "/invoke");
        fn.put("lock_version", 0);
        fn.put("project_id", ctx.state().projectId());
        fn.putNull("created_by_id");
        fn.put("created_at", now);
        fn.put("updated_at", now);
        return functions.put(fn);
    }

    /** Deploys after Kapso's delay; the status stays what it was until then. */
    void deployLater(ObjectNode fn) {
        String code = fn.path("code").asText();
        ctx.later(DEPLOY_MS, () -> {
            if (functions.contains(fn.path("id").asText())) {
                finishDeploy(fn, code);
            }
        });
    }

    /** Deploys at once (WhatsApp Flow data endpoints answer the deployed endpoint). */
    void deployNow(ObjectNode fn) {
        finishDeploy(fn, fn.path("code").asText());
    }

    private void finishDeploy(ObjectNode fn, String code) {
        String problem = FunctionCode.deployProblem(code);
        String now = ctx.clock().iso();
        if (problem != null) {
            fn.put("status", "error");
            fn.put("deploy_error", problem);
        } else {
            liveCode.put(fn.path("id").asText(), code);
            fn.put("status", "deployed");
            fn.remove("deploy_error");
            fn.put("version", fn.path("version").asInt() + 1);
            fn.put("last_deployed_at", now);
        }
        fn.put("updated_at", now);
    }

    static boolean deployed(ObjectNode fn) {
        return "deployed".equals(fn.path("status").asText());
    }

    void forget(String functionId) {
        liveCode.remove(functionId);
    }

    /** Runs a deployed function on {@code request} and records the invocation. */
    Invocation invoke(ObjectNode fn, JsonNode request) {
        String code = liveCode.getOrDefault(fn.path("id").asText(), fn.path("code").asText());
        String error = FunctionCode.cannedError(code);
        JsonNode canned = FunctionCode.cannedResponse(code);
        ObjectNode record = SimState.object();
        String id = Ids.uuid();
        String now = ctx.clock().iso();
        record.put("id", id);
        record.put("function_id", fn.path("id").asText());
        record.put("status_code", error != null ? 500 : 200);
        record.put("duration_ms", 1);
        record.set("request_body", request == null ? NullNode.getInstance() : request.deepCopy());
        JsonNode body;
        if (error != null) {
            body = NullNode.getInstance();
        } else if (canned != null) {
            body = canned;
        } else {
            ObjectNode echo = SimState.object();
            echo.set("received", request == null ? NullNode.getInstance() : request.deepCopy());
            echo.put("function", fn.path("name").asText());
            body = echo;
        }
        record.set("response_body", body.deepCopy());
        record.put("error_message", error);
        record.put("cf_ray", Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 16) + "-SIM");
        record.put("created_at", now);
        ObjectNode log = record.putArray("console_logs").addObject();
        log.put("level", error != null ? "error" : "info");
        log.put("message", error != null ? error
                : canned != null ? "simulator: answered from the simulator-response directive"
                : "simulator: echoed the request (the simulator does not run JavaScript)");
        log.put("logged_at", now);
        if (error != null) {
            log.put("stack", "Error: " + error + "\n    at handler (worker.js)");
        }
        invocations.put(record);
        return new Invocation(id, record.path("status_code").asInt(), body, error);
    }

    /** Invocations of a function, newest first; {@code status} is success (2xx), failed, or null for all. */
    List<Store.Entry> invocations(String functionId, String status) {
        Predicate<ObjectNode> filter = i -> functionId.equals(i.path("function_id").asText());
        if ("success".equals(status)) {
            filter = filter.and(i -> i.path("status_code").asInt() / 100 == 2);
        } else if ("failed".equals(status)) {
            filter = filter.and(i -> i.path("status_code").asInt() / 100 != 2);
        }
        return invocations.newestFirst(filter, "created_at");
    }
}
