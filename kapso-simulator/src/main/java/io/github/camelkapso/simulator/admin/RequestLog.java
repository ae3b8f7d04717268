package io.github.camelkapso.simulator.admin;

import java.util.ArrayDeque;
import java.util.Deque;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The most recent requests the simulator received, for tests to inspect through {@code GET /_sim/requests}. */
public final class RequestLog {

    private static final int MAX_BODY = 4096;

    private final int capacity;
    private final Deque<ObjectNode> entries = new ArrayDeque<>();
    private long total;

    public RequestLog(int capacity) {
        this.capacity = capacity;
    }

    public void record(String method, String path, String query, String operation, int status, String body) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("seq", ++total);
        e.put("at", java.time.Instant.now().toString());
        e.put("method", method);
        e.put("path", path);
        e.put("query", query);
        e.put("operation", operation);
        e.put("status", status);
        e.put("body", body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body);
        entries.addLast(e);
        if (entries.size() > capacity) {
            entries.removeFirst();
        }
    }

    /** Entries oldest first, optionally only those of one operation. */
    public ArrayNode list(String operation, int limit) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        entries.stream().filter(e -> operation == null || operation.equals(e.path("operation").asText()))
                .skip(Math.max(0, count(operation) - limit)).forEach(out::add);
        return out;
    }

    private long count(String operation) {
        return entries.stream().filter(e -> operation == null || operation.equals(e.path("operation").asText())).count();
    }

    public long total() {
        return total;
    }

    public void clear() {
        entries.clear();
    }
}
