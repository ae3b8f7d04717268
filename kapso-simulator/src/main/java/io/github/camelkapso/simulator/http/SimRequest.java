package io.github.camelkapso.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.catalog.KapsoOperation;

/** A request routed to a catalog operation: path parameters bound, query decoded, body readable as JSON. */
public final class SimRequest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KapsoOperation operation;
    private final Map<String, String> pathParams;
    private final Map<String, List<String>> query;
    private final Map<String, String> headers;
    private final byte[] body;
    private final String url;
    private JsonNode json;

    public SimRequest(KapsoOperation operation, Map<String, String> pathParams, Map<String, List<String>> query,
                      Map<String, String> headers, byte[] body, String url) {
        this.operation = operation;
        this.pathParams = pathParams;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.url = url;
    }

    public KapsoOperation operation() {
        return operation;
    }

    public String path(String name) {
        return pathParams.get(name);
    }

    public Map<String, String> pathParams() {
        return pathParams;
    }

    public String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public Map<String, List<String>> queryParams() {
        return query;
    }

    /** Header value by case-insensitive name. */
    public String header(String name) {
        return headers.get(name.toLowerCase());
    }

    public byte[] body() {
        return body;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The URL the client called, without its query: for building paging URLs in answers. */
    public String url() {
        return url;
    }

    /** The body as JSON; an empty body reads as {}. Malformed JSON is a 400 naming the parse error. */
    public JsonNode json() {
        if (json == null) {
            if (body.length == 0) {
                json = JsonNodeFactory.instance.objectNode();
            } else {
                try {
                    json = MAPPER.readTree(body);
                } catch (Exception e) {
                    throw ApiError.badRequest(operation, "Request body is not valid JSON: " + e.getMessage().split("\n")[0]);
                }
            }
        }
        return json;
    }

    /** The body object, unwrapped from the operation's strong-parameters key when it has one. */
    public ObjectNode attributes() {
        JsonNode root = json();
        if (operation.hasWrapper()) {
            JsonNode inner = root.get(operation.wrapper());
            if (inner == null || !inner.isObject()) {
                throw ApiError.platform(400, "param is missing or the value is empty: " + operation.wrapper());
            }
            return (ObjectNode) inner;
        }
        if (!root.isObject()) {
            throw ApiError.badRequest(operation, "Request body must be a JSON object");
        }
        return (ObjectNode) root;
    }

    public int intQuery(String name, int defaultValue, int min, int max) {
        String v = query(name);
        if (v == null || v.isEmpty()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw ApiError.badRequest(operation, name + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(operation, name + " must be an integer");
        }
    }
}
