package io.github.camelkapso.simulator.http;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a handler answers: status, JSON or bytes, extra headers. */
public final class SimResponse {

    private final int status;
    private final JsonNode json;
    private final byte[] bytes;
    private final String contentType;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private SimResponse(int status, JsonNode json, byte[] bytes, String contentType) {
        this.status = status;
        this.json = json;
        this.bytes = bytes;
        this.contentType = contentType;
    }

    public static SimResponse json(int status, JsonNode body) {
        return new SimResponse(status, body, null, "application/json");
    }

    /** {@code {"data": item}}. */
    public static SimResponse data(int status, JsonNode item) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("data", item);
        return json(status, body);
    }

    public static SimResponse success() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("success", true);
        return json(200, body);
    }

    public static SimResponse noContent() {
        return new SimResponse(204, null, null, null);
    }

    public static SimResponse bytes(int status, byte[] bytes, String contentType) {
        return new SimResponse(status, null, bytes, contentType);
    }

    public SimResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public JsonNode json() {
        return json;
    }

    public byte[] bytes() {
        return bytes;
    }

    public String contentType() {
        return contentType;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
