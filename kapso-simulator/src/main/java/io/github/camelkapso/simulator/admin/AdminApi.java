package io.github.camelkapso.simulator.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.http.SimResponse;

/**
 * The simulator's own API under {@code /_sim/}: inspect received requests, inject faults and inbound customer
 * traffic. Not part of Kapso; needs no API key.
 */
public final class AdminApi {

    public static final String PREFIX = "/_sim/";

    private final Map<String, Function<SimRequest, SimResponse>> routes = new LinkedHashMap<>();

    /** Registers {@code METHOD /_sim/<path>}; a path ending in {@code /*} matches any last segment (path param "name"). */
    public AdminApi on(String method, String path, Function<SimRequest, SimResponse> handler) {
        routes.put(method + " " + PREFIX + path, handler);
        return this;
    }

    public boolean handles(String path) {
        return path.startsWith(PREFIX) || path.equals("/_sim");
    }

    public SimResponse handle(String method, String path, SimRequest request) {
        Function<SimRequest, SimResponse> handler = routes.get(method + " " + path);
        if (handler == null) {
            int slash = path.lastIndexOf('/');
            handler = routes.get(method + " " + path.substring(0, slash) + "/*");
            if (handler != null) {
                request.pathParams().put("name", path.substring(slash + 1));
            }
        }
        if (handler == null) {
            throw ApiError.platform(404, "No simulator admin route " + method + " " + path + "; known: " + routes.keySet());
        }
        return handler.apply(request);
    }
}
