package io.github.camelkapso.simulator.ops.automation;

import java.nio.charset.StandardCharsets;
import java.util.List;
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
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;

/**
 * Serverless functions, their secrets and invocations. The simulator cannot run JavaScript: an invocation answers the
 * JSON of a {@code // simulator-response: {...}} line of the deployed code, fails with Kapso's 500 when the code has a
 * {@code // simulator-error: message} line, and otherwise echoes {@code {"received": <body>, "function": <name>}}.
 * Rules:
 * <ul>
 * <li>name, code and function_type are required; the name is unique in the project (409), so is an explicit slug
 * (409); a missing slug is derived from the name (made unique with -2, -3...);</li>
 * <li>code is at most 1 MB (422); public_endpoint is only for cloudflare_worker functions (422);</li>
 * <li>functions are created as draft with invoke_response_mode passthrough; wrapped is only for legacy functions (422);</li>
 * <li>updates take an optional lock_version: a stale one is 409; every update increments it; code changes only take
 * effect after the next deploy;</li>
 * <li>deploy answers 202 {message, function_id, status: deploying}; after Kapso's 10 s (scaled) the function is
 * deployed (version + 1, last_deployed_at) or, when its brackets do not balance or a directive is malformed, in status
 * error (with a deploy_error field, a simulator aid); supabase_function deploys are 422 (no Supabase project);</li>
 * <li>invoke needs the function deployed (422 otherwise); without a valid API key only public_endpoint functions
 * answer, private and unknown ones are 404; passthrough answers the result as is, wrapped under data; every
 * invocation is recorded (request, response, status, console log);</li>
 * <li>invocations list newest first, status success (2xx) or failed, limit 1-20 (default 10), with the total;</li>
 * <li>secrets: only on deployed functions (422), names ^[A-Z0-9_]+$ unique per function (422), type text for strings
 * and json for objects/arrays; the value is never returned, not even at creation; listing a function that is not
 * deployed answers an empty list; deleting a missing secret is 404;</li>
 * <li>deleting a function deletes its secrets and keeps its invocation records.</li>
 * </ul>
 */
public final class FunctionsModule implements SimulatorModule {

    static final int MAX_CODE_BYTES = 1024 * 1024;
    private static final Set<String> UPDATABLE = Set.of("name", "slug", "description", "code", "invoke_response_mode",
            "runtime_config", "public_endpoint");

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        FunctionRuntime runtime = FunctionRuntime.of(ctx);
        Store functions = runtime.functions();
        Store secrets = ctx.state().store(AutomationStores.FUNCTION_SECRETS);

        handlers.on("createFunction", r -> {
            ObjectNode attrs = r.attributes();
            String name = Crud.requireText(attrs, "name", "function");
            String code = Crud.requireText(attrs, "code", "function");
            String type = Crud.requireText(attrs, "function_type", "function");
            checkCode(code);
            checkPublicEndpoint(type, attrs.path("public_endpoint").asBoolean(false));
            checkNameFree(functions, name, null);
            String slug;
            if (attrs.hasNonNull("slug")) {
                slug = attrs.get("slug").asText();
                checkSlugFree(functions, slug, null);
            } else {
                slug = Slugs.unique(Slugs.of(name, "function"), s -> slugTaken(functions, s, null));
            }
            return SimResponse.data(201, runtime.create(origin(r), name, slug, code, type, attrs));
        });
        handlers.on("listFunctions", r -> Paging.all(functions.newestFirst(f -> true, "created_at")));
        handlers.on("getFunction", r -> SimResponse.data(200, require(functions, r)));
        handlers.on("updateFunction", r -> {
            ObjectNode fn = require(functions, r);
            ObjectNode attrs = r.attributes();
            if (attrs.has("lock_version") && attrs.get("lock_version").asInt() != fn.path("lock_version").asInt()) {
                throw ApiError.conflict("Function was modified since lock_version " + attrs.get("lock_version").asInt()
                                        + " (current lock_version is " + fn.path("lock_version").asInt()
                                        + "); refetch it and retry");
            }
            ObjectNode changes = SimState.object();
            attrs.fields().forEachRemaining(f -> {
                if (UPDATABLE.contains(f.getKey())) {
                    changes.set(f.getKey(), f.getValue());
                }
            });
            String id = fn.path("id").asText();
            if (changes.has("name")) {
                checkNameFree(functions, changes.get("name").asText(), id);
            }
            if (changes.has("slug")) {
                checkSlugFree(functions, changes.get("slug").asText(), id);
            }
            if (changes.has("code")) {
                checkCode(changes.get("code").asText());
            }
            checkPublicEndpoint(fn.path("function_type").asText(),
                    changes.has("public_endpoint") ? changes.get("public_endpoint").asBoolean() : fn.path("public_endpoint").asBoolean());
            if ("wrapped".equals(changes.path("invoke_response_mode").asText(null))
                && !"wrapped".equals(fn.path("invoke_response_mode").asText())) {
                throw ApiError.unprocessable("function.invoke_response_mode wrapped is only available for legacy wrapped functions");
            }
            Crud.merge(ctx, fn, changes, Set.of());
            fn.put("lock_version", fn.path("lock_version").asInt() + 1);
            return SimResponse.data(200, fn);
        });
        handlers.on("deleteFunction", r -> {
            ObjectNode fn = require(functions, r);
            String id = fn.path("id").asText();
            functions.remove(id);
            runtime.forget(id);
            secretsOf(secrets, id).forEach(s -> secrets.remove(s.id()));
            return SimResponse.noContent();
        });
        handlers.on("deployFunction", r -> {
            ObjectNode fn = require(functions, r);
            if ("supabase_function".equals(fn.path("function_type").asText())) {
                throw ApiError.unprocessable("Supabase project required for Supabase functions");
            }
            runtime.deployLater(fn);
            ObjectNode body = SimState.object();
            body.put("message", "Function deployment initiated");
            body.put("function_id", fn.path("id").asText());
            body.put("status", "deploying");
            return SimResponse.json(202, body);
        });
        handlers.on("invokeFunction", r -> invoke(ctx, runtime, functions, r));
        handlers.on("listFunctionInvocations", r -> {
            ObjectNode fn = require(functions, r);
            int limit = r.intQuery("limit", 10, 1, 20);
            List<Store.Entry> matching = runtime.invocations(fn.path("id").asText(), r.query("status"));
            ObjectNode data = SimState.object();
            data.put("function_id", fn.path("id").asText());
            data.put("function_name", fn.path("name").asText());
            ArrayNode list = data.putArray("invocations");
            matching.stream().limit(limit).forEach(e -> {
                ObjectNode view = e.node().deepCopy();
                view.remove("function_id");
                view.remove("cf_ray");
                list.add(view);
            });
            data.put("total", matching.size());
            return SimResponse.data(200, data);
        });

        handlers.on("createFunctionSecret", r -> {
            ObjectNode fn = require(functions, r);
            requireDeployed(fn, "Function must be deployed before creating secrets");
            ObjectNode attrs = r.attributes();
            String name = Crud.requireText(attrs, "name", "secret");
            JsonNode value = attrs.get("value");
            if (value == null || value.isNull()) {
                throw ApiError.unprocessable("secret.value is required");
            }
            String key = fn.path("id").asText() + ":" + name;
            if (secrets.contains(key)) {
                throw ApiError.unprocessable("secret.name " + name + " already exists on this function");
            }
            ObjectNode secret = SimState.object();
            secret.put("id", key);
            secret.put("function_id", fn.path("id").asText());
            secret.put("name", name);
            secret.put("type", value.isContainerNode() ? "json" : "text");
            secret.set("value", value.deepCopy());
            secret.put("created_at", ctx.clock().iso());
            secrets.put(secret);
            ObjectNode body = SimState.object();
            body.put("message", "Secret created successfully");
            return SimResponse.json(201, body);
        });
        handlers.on("listFunctionSecrets", r -> {
            ObjectNode fn = require(functions, r);
            ArrayNode data = SimState.object().arrayNode();
            if (FunctionRuntime.deployed(fn)) {
                secretsOf(secrets, fn.path("id").asText()).forEach(s -> data.addObject()
                        .put("name", s.node().path("name").asText()).put("type", s.node().path("type").asText()));
            }
            ObjectNode body = SimState.object();
            body.set("data", data);
            return SimResponse.json(200, body);
        });
        handlers.on("deleteFunctionSecret", r -> {
            ObjectNode fn = require(functions, r);
            requireDeployed(fn, "Function must be deployed to manage secrets");
            String key = fn.path("id").asText() + ":" + r.path("secret_name");
            if (secrets.remove(key).isEmpty()) {
                throw ApiError.notFound(r.operation(), "Secret " + r.path("secret_name"));
            }
            return SimResponse.noContent();
        });
    }

    private static SimResponse invoke(SimContext ctx, FunctionRuntime runtime, Store functions, SimRequest r) {
        ObjectNode fn = functions.get(r.path("function_id")).orElse(null);
        String key = r.header("X-API-Key");
        boolean authenticated = key != null && key.equals(ctx.config().apiKey());
        if (fn == null || !authenticated && !fn.path("public_endpoint").asBoolean()) {
            throw ApiError.platform(404, "Function not found");
        }
        requireDeployed(fn, "Function is not deployed");
        JsonNode body;
        try {
            body = r.json();
        } catch (ApiError e) {
            throw ApiError.platform(400, "Invalid JSON in request");
        }
        FunctionRuntime.Invocation result = runtime.invoke(fn, body);
        if (!result.succeeded()) {
            ObjectNode error = SimState.object();
            error.put("error", "Function execution failed");
            error.put("detail", result.error());
            error.put("invocation_id", result.id());
            throw ApiError.raw(500, error);
        }
        if ("wrapped".equals(fn.path("invoke_response_mode").asText())) {
            return SimResponse.data(result.status(), result.body());
        }
        return SimResponse.json(result.status(), result.body());
    }

    static ObjectNode require(Store functions, SimRequest r) {
        return Crud.require(functions, r, "function_id", "Function");
    }

    private static void requireDeployed(ObjectNode fn, String message) {
        if (!FunctionRuntime.deployed(fn)) {
            throw ApiError.unprocessable(message);
        }
    }

    private static List<Store.Entry> secretsOf(Store secrets, String functionId) {
        return secrets.oldestFirst(s -> functionId.equals(s.path("function_id").asText()));
    }

    private static void checkCode(String code) {
        if (code.getBytes(StandardCharsets.UTF_8).length > MAX_CODE_BYTES) {
            throw ApiError.unprocessable("function.code is too large (maximum is 1 MB)");
        }
    }

    private static void checkPublicEndpoint(String type, boolean publicEndpoint) {
        if (publicEndpoint && !"cloudflare_worker".equals(type)) {
            throw ApiError.unprocessable("function.public_endpoint is only supported for cloudflare_worker functions");
        }
    }

    private static void checkNameFree(Store functions, String name, String self) {
        if (functions.find(f -> name.equals(f.path("name").asText()) && !f.path("id").asText().equals(self)).isPresent()) {
            throw ApiError.conflict("function.name " + name + " is already used by another function");
        }
    }

    private static void checkSlugFree(Store functions, String slug, String self) {
        if (slugTaken(functions, slug, self)) {
            throw ApiError.conflict("function.slug " + slug + " is already used by another function");
        }
    }

    private static boolean slugTaken(Store functions, String slug, String self) {
        return functions.find(f -> slug.equals(f.path("slug").asText()) && !f.path("id").asText().equals(self)).isPresent();
    }

    static String origin(SimRequest r) {
        return r.url().replaceFirst("/platform/v1/.*$", "");
    }
}
