package io.github.camelkapso.simulator.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.admin.FaultRules;
import io.github.camelkapso.simulator.admin.RequestLog;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.ops.OperationHandler;
import io.github.camelkapso.simulator.validation.RequestSchemas;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Kapso's two API surfaces from the catalog: authenticates, applies injected faults, validates the body
 * against the published schema, runs the operation's handler and writes the answer in the surface's shapes.
 */
public final class SimulatorHttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorHttpServer.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 110 * 1024 * 1024;

    private final SimContext context;
    private final CatalogRouter router;
    private final HandlerRegistry handlers;
    private final RequestSchemas schemas;
    private final AdminApi admin;
    private final FaultRules faults;
    private final RequestLog log;

    public SimulatorHttpServer(SimContext context, CatalogRouter router, HandlerRegistry handlers, RequestSchemas schemas,
                               AdminApi admin, FaultRules faults, RequestLog log) {
        this.context = context;
        this.router = router;
        this.handlers = handlers;
        this.schemas = schemas;
        this.admin = admin;
        this.faults = faults;
        this.log = log;
    }

    public void handle(HttpServerRequest req) {
        req.body().onSuccess(buffer -> serve(req, buffer)).onFailure(e -> req.response().setStatusCode(400).end());
    }

    private void serve(HttpServerRequest req, Buffer buffer) {
        long started = System.nanoTime();
        byte[] body = buffer.getBytes();
        String rawPath = rawPath(req.uri());
        String method = req.method().name();
        if (admin.handles(rawPath)) {
            SimRequest simRequest = new SimRequest(null, new HashMap<>(), query(req.query()), headers(req), body, url(req, rawPath));
            respond(req, started, body, method, rawPath, null, () -> admin.handle(method, rawPath, simRequest));
            return;
        }
        CatalogRouter.Match match = router.route(method, rawPath, context.state()::nodeKind);
        if (match == null) {
            boolean meta = rawPath.startsWith("/meta/");
            ApiError notFound = meta ? ApiError.graph(404, 100, "GraphMethodException", "Unknown path components: " + rawPath, null, null)
                    : ApiError.platform(404, "No route matches " + method + " " + rawPath);
            write(req, started, body, method, rawPath, null, error(notFound));
            return;
        }
        KapsoOperation op = match.operation();
        if (!authenticated(req, op)) {
            ApiError unauthorized = op.base() == KapsoOperation.Base.PLATFORM
                    ? ApiError.platform(401, "Invalid API key")
                    : ApiError.graph(401, 190, "OAuthException", "Invalid OAuth access token - Cannot parse access token", null, null);
            write(req, started, body, method, rawPath, op.id(), error(unauthorized));
            return;
        }
        FaultRules.Decision fault = faults.decide(op.id());
        Runnable serve = () -> {
            if (fault.drop()) {
                log.record(method, rawPath, req.query(), op.id(), 0, "<connection dropped>");
                req.connection().close();
                return;
            }
            if (fault.errorStatus() > 0) {
                write(req, started, body, method, rawPath, op.id(), error(injected(op, fault)));
                return;
            }
            SimRequest simRequest = new SimRequest(op, new LinkedHashMap<>(match.pathParams()), query(req.query()), headers(req),
                    body, url(req, rawPath));
            respond(req, started, body, method, rawPath, op.id(), () -> {
                OperationHandler handler = handlers.get(op.id());
                if (handler == null) {
                    throw ApiError.platform(501, "The simulator has no handler for " + op.id());
                }
                schemas.check(simRequest, handlers.invalidBodyRenderer(op.id()));
                return handler.handle(simRequest);
            });
        };
        if (fault.latencyMillis() > 0) {
            context.vertx().setTimer(fault.latencyMillis(), t -> serve.run());
        } else {
            serve.run();
        }
    }

    private void respond(HttpServerRequest req, long started, byte[] body, String method, String rawPath, String operation,
                         java.util.function.Supplier<SimResponse> work) {
        SimResponse response;
        try {
            response = work.get();
        } catch (ApiError e) {
            response = error(e);
        } catch (IllegalArgumentException e) {
            response = error(ApiError.platform(400, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("Simulator handler for {} failed", operation, e);
            response = error(ApiError.platform(500, "Internal simulator error: " + e));
        }
        write(req, started, body, method, rawPath, operation, response);
    }

    private boolean authenticated(HttpServerRequest req, KapsoOperation op) {
        if (op.id().equals("downloadMedia") || op.id().equals("invokeFunction")) {
            return true;
        }
        String expected = context.config().apiKey();
        String key = req.getHeader("X-API-Key");
        if (key == null && op.base() != KapsoOperation.Base.PLATFORM) {
            String auth = req.getHeader("Authorization");
            if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                key = auth.substring(7).trim();
            }
        }
        return key != null && java.security.MessageDigest.isEqual(key.getBytes(), expected.getBytes());
    }

    private static ApiError injected(KapsoOperation op, FaultRules.Decision fault) {
        ApiError e;
        if (fault.errorStatus() == 429) {
            e = op.base() == KapsoOperation.Base.PLATFORM
                    ? ApiError.raw(429, withMessage("Rate limit exceeded", "Too many requests; retry after the given delay"))
                    : ApiError.graph(429, 130429, "OAuthException", "(#130429) Rate limit hit", null,
                            "Cloud API message throughput has been reached.");
        } else if (op.base() == KapsoOperation.Base.PLATFORM) {
            e = ApiError.platform(fault.errorStatus(), fault.errorStatus() >= 500 ? "Service temporarily unavailable" : "Injected error");
        } else {
            e = ApiError.graph(fault.errorStatus(), fault.errorStatus() >= 500 ? 2 : 100, "OAuthException",
                    fault.errorStatus() >= 500 ? "An unexpected error has occurred. Please retry your request later." : "Injected error",
                    null, null);
        }
        return fault.retryAfter() != null ? e.withRetryAfter(fault.retryAfter()) : e;
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode withMessage(String error, String message) {
        com.fasterxml.jackson.databind.node.ObjectNode n = MAPPER.createObjectNode();
        n.put("error", error);
        n.put("message", message);
        return n;
    }

    private static SimResponse error(ApiError e) {
        SimResponse r = SimResponse.json(e.status(), e.body());
        if (e.retryAfter() != null) {
            r.header("Retry-After", e.retryAfter());
        }
        return r;
    }

    private void write(HttpServerRequest req, long started, byte[] body, String method, String rawPath, String operation, SimResponse response) {
        HttpServerResponse out = req.response().setStatusCode(response.status());
        response.headers().forEach(out::putHeader);
        Buffer payload;
        if (response.json() != null) {
            out.putHeader("Content-Type", "application/json; charset=utf-8");
            try {
                payload = Buffer.buffer(MAPPER.writeValueAsBytes(response.json()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        } else if (response.bytes() != null) {
            out.putHeader("Content-Type", response.contentType());
            payload = Buffer.buffer(response.bytes());
        } else {
            payload = Buffer.buffer();
        }
        if (operation != null && response.status() != 401) {
            context.served(new ServedRequest(method, rawPath, response.status(), (System.nanoTime() - started) / 1_000_000,
                    req.remoteAddress() == null ? null : req.remoteAddress().hostAddress(), errorMessage(response)));
        }
        log.record(method, rawPath, req.query(), operation, response.status(), body);
        out.end(payload);
    }

    private static String errorMessage(SimResponse response) {
        if (response.status() < 400 || response.json() == null) {
            return null;
        }
        com.fasterxml.jackson.databind.JsonNode error = response.json().path("error");
        return error.isTextual() ? error.asText() : error.path("message").asText(null);
    }

    static String rawPath(String uri) {
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        if (path.startsWith("http://") || path.startsWith("https://")) {
            path = URI.create(path).getRawPath();
        }
        return path;
    }

    private static String url(HttpServerRequest req, String rawPath) {
        String host = req.getHeader("Host");
        return (req.isSSL() ? "https://" : "http://") + (host != null ? host : "localhost") + rawPath;
    }

    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The request headers as SimRequest reads them (lower-case names, first value), without copying them. */
    private static Map<String, String> headers(HttpServerRequest req) {
        io.vertx.core.MultiMap headers = req.headers();
        return new java.util.AbstractMap<>() {
            @Override
            public String get(Object name) {
                return name instanceof String n ? headers.get(n) : null;
            }

            @Override
            public boolean containsKey(Object name) {
                return name instanceof String n && headers.contains(n);
            }

            @Override
            public java.util.Set<Map.Entry<String, String>> entrySet() {
                Map<String, String> copy = new LinkedHashMap<>();
                headers.forEach(e -> copy.putIfAbsent(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue()));
                return copy.entrySet();
            }
        };
    }

    public static int maxBodyBytes() {
        return MAX_BODY_BYTES;
    }
}
