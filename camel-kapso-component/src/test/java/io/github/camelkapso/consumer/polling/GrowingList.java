package io.github.camelkapso.consumer.polling;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.support.RecordedRequest;
import io.github.camelkapso.support.StubResponse;

/**
 * A Kapso list that grows while it is polled, served the way Kapso serves it: newest first by a time field (ties by
 * creation, newest first), with Base64 JSON cursors {@code {"values":[time,id],"columns":[field,"id"]}}. Three list
 * dialects: Graph cursors (Meta proxy: {@code paging.cursors.after} and a {@code paging.next} URL only while more
 * follow), Platform cursors ({@code paging.next} is the cursor, null on the last page) and Platform pages
 * ({@code meta} and X-Total headers); plus database rows (oldest-first by an order column, PostgREST filters,
 * limit/offset).
 */
final class GrowingList {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private record Entry(ObjectNode node, long seq) {
        String id() {
            return node.path("id").asText();
        }
    }

    private final String timeField;
    private final List<Entry> entries = new ArrayList<>();
    private long seq;

    GrowingList(String timeField) {
        this.timeField = timeField;
    }

    synchronized GrowingList add(ObjectNode item) {
        entries.add(new Entry(item.deepCopy(), ++seq));
        return this;
    }

    synchronized int size() {
        return entries.size();
    }

    static ObjectNode item(String id, String field, String value) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", id);
        node.put(field, value);
        return node;
    }

    /** The Meta proxy's cursor list: {@code data} and {@code paging.cursors}, {@code next} as a URL while more follow. */
    StubResponse graphCursorPage(RecordedRequest r, String url, Predicate<JsonNode> filter) {
        return cursorPage(r, url, filter, true);
    }

    /** The Platform cursor list: {@code paging.next} is the cursor, null on the last page. */
    StubResponse platformCursorPage(RecordedRequest r, Predicate<JsonNode> filter) {
        return cursorPage(r, null, filter, false);
    }

    private synchronized StubResponse cursorPage(RecordedRequest r, String url, Predicate<JsonNode> filter, boolean graph) {
        List<Entry> list = newestFirst(filter);
        Map<String, String> q = r.query();
        int limit = Integer.parseInt(q.getOrDefault("limit", "20"));
        int start = 0;
        if (q.containsKey("after")) {
            start = indexOf(list, q.get("after")) + 1;
        }
        int end = Math.min(list.size(), start + limit);
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode data = body.putArray("data");
        list.subList(start, end).forEach(e -> data.add(e.node()));
        ObjectNode paging = body.putObject("paging");
        ObjectNode cursors = paging.putObject("cursors");
        boolean more = end < list.size();
        if (start < end) {
            cursors.put("before", cursor(list.get(start)));
            if (more) {
                cursors.put("after", cursor(list.get(end - 1)));
            }
        }
        if (graph) {
            if (more) {
                paging.put("next", url + "?limit=" + limit + "&after=" + cursors.path("after").asText());
            }
        } else {
            paging.put("next", more ? cursors.path("after").asText() : null);
            paging.putNull("previous");
        }
        return StubResponse.json(200, body.toString());
    }

    /** A Platform page list: {@code data}, {@code meta} and the X-Total headers. */
    synchronized StubResponse platformPage(RecordedRequest r, Predicate<JsonNode> filter) {
        List<Entry> list = newestFirst(filter);
        Map<String, String> q = r.query();
        int perPage = Integer.parseInt(q.getOrDefault("per_page", "20"));
        int page = Integer.parseInt(q.getOrDefault("page", "1"));
        int totalPages = Math.max(1, (list.size() + perPage - 1) / perPage);
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode data = body.putArray("data");
        int from = (page - 1) * perPage;
        for (int i = from; i < Math.min(list.size(), from + perPage); i++) {
            data.add(list.get(i).node());
        }
        ObjectNode meta = body.putObject("meta");
        meta.put("page", page).put("per_page", perPage).put("total_pages", totalPages).put("total_count", list.size());
        return StubResponse.json(200, body.toString())
                .withHeader("X-Total", String.valueOf(list.size()))
                .withHeader("X-Total-Pages", String.valueOf(totalPages))
                .withHeader("X-Per-Page", String.valueOf(perPage))
                .withHeader("X-Page", String.valueOf(page));
    }

    /**
     * {@code GET /db/{table}}: eq/gte/gt filters on any column, {@code order=<column>.asc|desc}, limit/offset; answers
     * {@code {"data":[...]}}.
     */
    synchronized StubResponse rows(RecordedRequest r) {
        Map<String, String> q = r.query();
        List<Entry> rows = new ArrayList<>(entries);
        for (Map.Entry<String, String> p : q.entrySet()) {
            String column = p.getKey();
            if (List.of("order", "limit", "offset", "select").contains(column)) {
                continue;
            }
            String[] condition = p.getValue().split("\\.", 2);
            rows.removeIf(e -> !matches(e.node().path(column).asText(), condition[0], condition[1]));
        }
        String[] order = q.getOrDefault("order", "id.asc").split("\\.");
        Comparator<Entry> byColumn = Comparator.comparing(e -> e.node().path(order[0]).asText());
        rows.sort("desc".equals(order[1]) ? byColumn.reversed() : byColumn);
        int offset = Integer.parseInt(q.getOrDefault("offset", "0"));
        int limit = Integer.parseInt(q.getOrDefault("limit", "100"));
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode data = body.putArray("data");
        rows.stream().skip(offset).limit(limit).forEach(e -> data.add(e.node()));
        return StubResponse.json(200, body.toString());
    }

    private static boolean matches(String actual, String op, String expected) {
        int c = actual.compareTo(expected);
        switch (op) {
            case "eq":
                return c == 0;
            case "gte":
                return c >= 0;
            case "gt":
                return c > 0;
            default:
                throw new IllegalArgumentException("operator " + op + " not served by the stub");
        }
    }

    private List<Entry> newestFirst(Predicate<JsonNode> filter) {
        List<Entry> list = new ArrayList<>();
        for (Entry e : entries) {
            if (filter.test(e.node())) {
                list.add(e);
            }
        }
        list.sort(Comparator.comparing((Entry e) -> e.node().path(timeField).asText()).thenComparingLong(Entry::seq).reversed());
        return list;
    }

    private String cursor(Entry e) {
        ObjectNode c = MAPPER.createObjectNode();
        c.putArray("values").add(e.node().path(timeField).asText()).add(e.id());
        c.putArray("columns").add(timeField).add("id");
        return Base64.getEncoder().encodeToString(c.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static int indexOf(List<Entry> list, String cursor) {
        try {
            String id = MAPPER.readTree(Base64.getDecoder().decode(cursor)).path("values").path(1).asText();
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).id().equals(id)) {
                    return i;
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Invalid cursor", e);
        }
        throw new IllegalArgumentException("Invalid cursor: the record it points at no longer exists");
    }
}
