package io.github.camelkapso.support;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the stub server answers. */
public record StubResponse(int status, Map<String, String> headers, byte[] body) {

    public static StubResponse json(int status, String json) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        return new StubResponse(status, h, json.getBytes(StandardCharsets.UTF_8));
    }

    public static StubResponse empty(int status) {
        return new StubResponse(status, Map.of(), new byte[0]);
    }

    public StubResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new StubResponse(status, h, body);
    }
}
