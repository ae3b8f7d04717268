package io.github.camelkapso.simulator.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.catalog.KapsoOperation;

/**
 * An error answer in the shape Kapso uses on the surface that serves the operation: the Graph error object on the
 * WhatsApp proxy, {@code {"error": "..."}} on the Platform API. Thrown by handlers, rendered by the server.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final ObjectNode body;
    private final String retryAfter;

    private ApiError(int status, ObjectNode body, String retryAfter) {
        super(body.toString(), null, false, false);
        this.status = status;
        this.body = body;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public ObjectNode body() {
        return body;
    }

    public String retryAfter() {
        return retryAfter;
    }

    /** {@code {"error": message}}: Platform style. */
    public static ApiError platform(int status, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("error", message);
        return new ApiError(status, body, null);
    }

    /** The Graph error object of the WhatsApp proxy. */
    public static ApiError graph(int status, int code, String type, String message, Integer subcode, String details) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("message", message);
        error.put("type", type);
        error.put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        if (details != null) {
            error.putObject("error_data").put("details", details);
        }
        error.put("fbtrace_id", "Sim" + Long.toHexString(Double.doubleToLongBits(Math.random())));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("error", error);
        return new ApiError(status, body, null);
    }

    /** Any body: for Kapso's non-Graph proxy errors and special Platform shapes. */
    public static ApiError raw(int status, ObjectNode body) {
        return new ApiError(status, body, null);
    }

    public ApiError withRetryAfter(String seconds) {
        return new ApiError(status, body, seconds);
    }

    /** A rejected field, in the style of the surface serving the operation. */
    public static ApiError invalid(KapsoOperation op, String field, String rule) {
        String message = field + " " + rule;
        if (op != null && op.base() != KapsoOperation.Base.PLATFORM) {
            return graph(400, 100, "OAuthException", "(#100) Invalid parameter", null, message);
        }
        return platform(422, message);
    }

    /** A malformed request (bad JSON, wrong query value). */
    public static ApiError badRequest(KapsoOperation op, String message) {
        if (op != null && op.base() != KapsoOperation.Base.PLATFORM) {
            return graph(400, 100, "OAuthException", "(#100) " + message, null, message);
        }
        return platform(400, message);
    }

    public static ApiError notFound(KapsoOperation op, String what) {
        if (op != null && op.base() != KapsoOperation.Base.PLATFORM) {
            return graph(404, 100, "GraphMethodException",
                    "Unsupported request - object with ID '" + what + "' does not exist, cannot be loaded due to missing"
                                                              + " permissions, or does not support this operation", 33, null);
        }
        return platform(404, what + " not found");
    }

    public static ApiError conflict(String message) {
        return platform(409, message);
    }

    public static ApiError unprocessable(String message) {
        return platform(422, message);
    }
}
