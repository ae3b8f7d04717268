package io.github.camelkapso.simulator.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.state.Store;

/**
 * The two list envelopes Kapso uses. Cursor lists ({@code limit}, {@code after}, {@code before}) answer
 * {@code {"data": [...], "paging": {"cursors": {...}, "next": ...}}} with Base64 JSON cursors; page lists
 * ({@code page}, {@code per_page}) answer {@code {"data": [...], "meta": {...}}} plus the X-Total headers.
 */
public final class Paging {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Paging() {
    }

    /**
     * A page of {@code entries} (already filtered and ordered).
     *
     * @param timeField the timestamp column the cursor records, e.g. created_at
     * @param graph     Graph style (Meta proxy: next is a URL) or Platform style (next is the cursor)
     */
    public static SimResponse cursor(SimRequest req, List<Store.Entry> entries, String timeField, boolean graph,
                                     int defaultLimit, int maxLimit) {
        int limit = req.intQuery("limit", defaultLimit, 1, maxLimit);
        String after = req.query("after");
        String before = req.query("before");
        if (after != null && before != null) {
            throw ApiError.badRequest(req.operation(), "after and before cannot be combined");
        }
        int start = 0;
        int end;
        if (after != null) {
            start = indexOf(req, entries, after) + 1;
            end = Math.min(entries.size(), start + limit);
        } else if (before != null) {
            end = indexOf(req, entries, before);
            start = Math.max(0, end - limit);
        } else {
            end = Math.min(entries.size(), limit);
        }
        ArrayNode data = JSON.arrayNode();
        for (int i = start; i < end; i++) {
            data.add(entries.get(i).node());
        }
        ObjectNode body = JSON.objectNode();
        body.set("data", data);
        ObjectNode paging = body.putObject("paging");
        ObjectNode cursors = paging.putObject("cursors");
        boolean more = end < entries.size();
        if (start < end) {
            cursors.put("before", encode(entries.get(start), timeField));
            if (more) {
                cursors.put("after", encode(entries.get(end - 1), timeField));
            }
        }
        if (graph) {
            if (more) {
                paging.put("next", nextUrl(req, limit, cursors.path("after").asText()));
            }
        } else {
            paging.put("next", more ? cursors.path("after").asText() : null);
            paging.put("previous", start > 0 && start < end ? cursors.path("before").asText() : null);
        }
        return SimResponse.json(200, body);
    }

    /** A page of {@code entries} with page/per_page, meta and the X-Total headers. */
    public static SimResponse page(SimRequest req, List<Store.Entry> entries, int maxPerPage) {
        int perPage = req.intQuery("per_page", 20, 1, maxPerPage);
        int page = req.intQuery("page", 1, 1, Integer.MAX_VALUE);
        int total = entries.size();
        int totalPages = Math.max(1, (total + perPage - 1) / perPage);
        ArrayNode data = JSON.arrayNode();
        long from = (long) (page - 1) * perPage;
        for (long i = from; i < Math.min(total, from + perPage); i++) {
            data.add(entries.get((int) i).node());
        }
        ObjectNode body = JSON.objectNode();
        body.set("data", data);
        ObjectNode meta = body.putObject("meta");
        meta.put("page", page);
        meta.put("per_page", perPage);
        meta.put("total_pages", totalPages);
        meta.put("total_count", total);
        return SimResponse.json(200, body)
                .header("X-Total", String.valueOf(total))
                .header("X-Total-Pages", String.valueOf(totalPages))
                .header("X-Per-Page", String.valueOf(perPage))
                .header("X-Page", String.valueOf(page));
    }

    /** {@code {"data": [...]}} without paging (workflows, functions, secrets, triggers, ...). */
    public static SimResponse all(List<Store.Entry> entries) {
        ArrayNode data = JSON.arrayNode();
        entries.forEach(e -> data.add(e.node()));
        ObjectNode body = JSON.objectNode();
        body.set("data", data);
        return SimResponse.json(200, body);
    }

    /** The Graph {@code paging.next} URL: the same request (filters, fields) for the page after {@code after}. */
    private static String nextUrl(SimRequest req, int limit, String after) {
        StringBuilder url = new StringBuilder(req.url()).append("?");
        req.queryParams().forEach((name, values) -> {
            if (!name.equals("after") && !name.equals("before") && !name.equals("limit")) {
                values.forEach(v -> url.append(encodeQuery(name)).append('=').append(encodeQuery(v)).append('&'));
            }
        });
        return url.append("limit=").append(limit).append("&after=").append(encodeQuery(after)).toString();
    }

    private static String encodeQuery(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String encode(Store.Entry entry, String timeField) {
        ObjectNode cursor = JSON.objectNode();
        cursor.putArray("values").add(entry.node().path(timeField).asText()).add(entry.id());
        cursor.putArray("columns").add(timeField).add("id");
        return Base64.getEncoder().encodeToString(cursor.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static int indexOf(SimRequest req, List<Store.Entry> entries, String cursor) {
        String id;
        try {
            JsonNode decoded = MAPPER.readTree(Base64.getDecoder().decode(cursor));
            id = decoded.path("values").path(1).asText(null);
        } catch (Exception e) {
            throw ApiError.badRequest(req.operation(), "Invalid cursor");
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).id().equals(id)) {
                return i;
            }
        }
        throw ApiError.badRequest(req.operation(), "Invalid cursor: the record it points at no longer exists");
    }
}
