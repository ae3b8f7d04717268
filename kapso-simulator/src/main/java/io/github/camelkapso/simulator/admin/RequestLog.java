package io.github.camelkapso.simulator.admin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The most recent requests the simulator received, for tests to inspect through {@code GET /_sim/requests}. Entries
 * are kept raw and rendered as JSON only when listed: recording is on every request's path.
 */
public final class RequestLog {

    private static final int MAX_BODY = 4096;

    /** One request as received; {@code body} holds at most {@link #MAX_BODY} bytes, else {@code note} says its size. */
    private record Entry(long seq, long atMillis, String method, String path, String query, String operation, int status,
                         byte[] body, String note) {

        ObjectNode render() {
            ObjectNode e = JsonNodeFactory.instance.objectNode();
            e.put("seq", seq);
            e.put("at", Instant.ofEpochMilli(atMillis).toString());
            e.put("method", method);
            e.put("path", path);
            e.put("query", query);
            e.put("operation", operation);
            e.put("status", status);
            e.put("body", note != null ? note : new String(body, StandardCharsets.UTF_8));
            return e;
        }
    }

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long total;

    public RequestLog(int capacity) {
        this.capacity = capacity;
    }

    /** Records a request with a note in place of its body (e.g. "&lt;connection dropped&gt;"). */
    public void record(String method, String path, String query, String operation, int status, String note) {
        add(method, path, query, operation, status, null, note.length() > MAX_BODY ? note.substring(0, MAX_BODY) : note);
    }

    /** Records a request and its body (a body over 4096 bytes is noted by its size only). */
    public void record(String method, String path, String query, String operation, int status, byte[] body) {
        if (body.length > MAX_BODY) {
            add(method, path, query, operation, status, null, "<" + body.length + " bytes>");
        } else {
            add(method, path, query, operation, status, body, null);
        }
    }

    private void add(String method, String path, String query, String operation, int status, byte[] body, String note) {
        entries.addLast(new Entry(++total, System.currentTimeMillis(), method, path, query, operation, status, body, note));
        if (entries.size() > capacity) {
            entries.removeFirst();
        }
    }

    /** Entries oldest first, optionally only those of one operation. */
    public ArrayNode list(String operation, int limit) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        entries.stream().filter(e -> operation == null || operation.equals(e.operation()))
                .skip(Math.max(0, count(operation) - limit)).forEach(e -> out.add(e.render()));
        return out;
    }

    private long count(String operation) {
        return entries.stream().filter(e -> operation == null || operation.equals(e.operation())).count();
    }

    public long total() {
        return total;
    }

    public void clear() {
        entries.clear();
    }
}
