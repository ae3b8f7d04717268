package io.github.camelkapso.simulator.ops.platform;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.state.SimState;

/**
 * Log search ({@code /log_search}, {@code /log_search/catalog}) over the simulator's own records: API calls,
 * WhatsApp messages and statuses, webhook deliveries (no flow events: the simulator keeps none). Rules:
 * <ul>
 * <li>GET takes query parameters, POST the same fields as a JSON body plus {@code filters}, an object or an array
 * of {@code {key, value}} entries (anything else 422 "filters must be an array of {key, value} entries or an
 * object"); a key ending in {@code _contains} matches part of the field, any other key the whole value;</li>
 * <li>period 24h (default) or 7d bounds the window; {@code context} centres a ±{@value #CONTEXT_MINUTES} minute window
 * on {@code around} (required, 422); source is all (default) or one source (422 otherwise); query matches any text of
 * the event, case-insensitive; problems_only (or the deprecated errors_only) keeps failed and error events;</li>
 * <li>events are newest first; {@code limit} 1-100 (default 50, 422 otherwise); {@code pagination.next_cursor}
 * goes back as {@code cursor}; highlight_event_id / highlight_resource_id add the matching event to the page when
 * it is in the window but not on the page;</li>
 * <li>the answer is {@code {"data": {available, source, window{since, until}, events, pagination{has_more,
 * next_cursor}}}}; the catalog lists the sources, filter suggestions and detail fields.</li>
 * </ul>
 */
public final class LogSearchModule implements SimulatorModule {

    static final int CONTEXT_MINUTES = 15;
    private static final Set<String> SOURCES = Set.of("all", "external_api_log", "whatsapp_webhook_event", "flow_event",
            "webhook_delivery");
    private static final Map<String, Duration> PERIODS = Map.of("24h", Duration.ofHours(24), "7d", Duration.ofDays(7));
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Newest first; the sort is stable over the records' reversed creation order, so equal times keep newest first. */
    private static final Comparator<ObjectNode> NEWEST_FIRST = Comparator.comparing(LogSearchModule::time).reversed();

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        LogEvents logs = new LogEvents(ctx);
        handlers.on("searchLogs", r -> search(ctx, logs, r, queryParameters(r)));
        handlers.on("searchLogsWithFilters", r -> search(ctx, logs, r, r.attributes()));
        handlers.on("getLogSearchCatalog", r -> {
            ObjectNode data = SimState.object();
            data.put("available", true);
            data.set("catalog", catalog());
            return SimResponse.data(200, data);
        });
    }

    private static ObjectNode queryParameters(SimRequest r) {
        ObjectNode params = SimState.object();
        r.queryParams().forEach((k, v) -> {
            if (!v.isEmpty()) {
                params.put(k, v.get(0));
            }
        });
        return params;
    }

    private static SimResponse search(SimContext ctx, LogEvents logs, SimRequest r, ObjectNode p) {
        String source = text(p, "source", "all");
        if (!SOURCES.contains(source)) {
            throw ApiError.unprocessable("source must be one of " + SOURCES);
        }
        String period = text(p, "period", "24h");
        Instant until = ctx.clock().now();
        Instant since;
        if (period.equals("context")) {
            Instant around = Times.parse(text(p, "around", null));
            if (around == null) {
                throw ApiError.unprocessable("around (an ISO-8601 time) is required when period is context");
            }
            since = around.minus(Duration.ofMinutes(CONTEXT_MINUTES));
            until = around.plus(Duration.ofMinutes(CONTEXT_MINUTES));
        } else if (PERIODS.containsKey(period)) {
            since = until.minus(PERIODS.get(period));
        } else {
            throw ApiError.unprocessable("period must be one of 24h, 7d, context");
        }
        int limit;
        try {
            limit = Integer.parseInt(text(p, "limit", "50"));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > 100) {
            throw ApiError.unprocessable("limit must be between 1 and 100");
        }
        Predicate<ObjectNode> match = within(since, until).and(e -> source.equals("all") || source.equals(e.path("source").asText()))
                .and(query(text(p, "query", "")))
                .and(filters(p.get("filters")));
        if (bool(p, "problems_only") || bool(p, "errors_only")) {
            match = match.and(e -> "failed".equals(e.path("status").asText()) || "error".equals(e.path("level").asText())
                                   || "warning".equals(e.path("level").asText()));
        }
        List<ObjectNode> found = new ArrayList<>(logs.all().stream().filter(match).toList());
        java.util.Collections.reverse(found);
        found.sort(NEWEST_FIRST);
        int start = 0;
        String cursor = text(p, "cursor", null);
        if (cursor != null) {
            ObjectNode after = decode(cursor);
            String lastId = after.path("id").asText();
            int at = -1;
            for (int i = 0; i < found.size() && at < 0; i++) {
                at = lastId.equals(found.get(i).path("id").asText()) ? i : -1;
            }
            if (at >= 0) {
                start = at + 1;
            } else {
                while (start < found.size() && !time(found.get(start)).isBefore(time(after))) {
                    start++;
                }
            }
        }
        int end = Math.min(found.size(), start + limit);
        List<ObjectNode> page = new ArrayList<>(found.subList(start, end));
        for (String highlight : List.of("highlight_event_id", "highlight_resource_id")) {
            String wanted = text(p, highlight, null);
            String field = highlight.equals("highlight_event_id") ? "id" : "resource_id";
            if (wanted != null && page.stream().noneMatch(e -> wanted.equals(e.path(field).asText()))) {
                found.stream().filter(e -> wanted.equals(e.path(field).asText())).findFirst().ifPresent(page::add);
            }
        }
        ObjectNode data = SimState.object();
        data.put("available", true);
        data.put("source", source);
        data.putObject("window").put("since", since.toString()).put("until", until.toString());
        ArrayNode events = data.putArray("events");
        page.forEach(events::add);
        ObjectNode pagination = data.putObject("pagination");
        pagination.put("has_more", end < found.size());
        pagination.put("next_cursor", end < found.size() && end > 0 ? encode(found.get(end - 1)) : null);
        return SimResponse.data(200, data);
    }

    private static Instant time(ObjectNode event) {
        Instant at = Times.parse(event.path("timestamp").asText(null));
        return at == null ? Instant.EPOCH : at;
    }

    private static Predicate<ObjectNode> within(Instant since, Instant until) {
        return e -> {
            Instant at = Times.parse(e.path("timestamp").asText(null));
            return at != null && !at.isBefore(since) && !at.isAfter(until);
        };
    }

    private static Predicate<ObjectNode> query(String q) {
        if (q.isBlank()) {
            return e -> true;
        }
        String needle = q.trim().toLowerCase(Locale.ROOT);
        return e -> e.toString().toLowerCase(Locale.ROOT).contains(needle);
    }

    private static Predicate<ObjectNode> filters(JsonNode filters) {
        Map<String, String> wanted = new LinkedHashMap<>();
        if (filters == null || filters.isNull()) {
            return e -> true;
        } else if (filters.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = filters.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                wanted.put(f.getKey(), f.getValue().asText());
            }
        } else if (filters.isArray()) {
            for (JsonNode f : filters) {
                if (!f.isObject() || !f.has("key") || !f.has("value")) {
                    throw badFilters();
                }
                wanted.put(f.get("key").asText(), f.get("value").asText());
            }
        } else {
            throw badFilters();
        }
        Predicate<ObjectNode> all = e -> true;
        for (Map.Entry<String, String> f : wanted.entrySet()) {
            String key = f.getKey();
            String value = f.getValue();
            if (key.endsWith("_contains")) {
                String field = key.substring(0, key.length() - "_contains".length());
                String needle = value.toLowerCase(Locale.ROOT);
                all = all.and(e -> e.path(field).asText("").toLowerCase(Locale.ROOT).contains(needle));
            } else {
                all = all.and(e -> e.hasNonNull(key) && value.equals(e.get(key).asText()));
            }
        }
        return all;
    }

    private static ApiError badFilters() {
        return ApiError.unprocessable("filters must be an array of {key, value} entries or an object");
    }

    private static String text(ObjectNode p, String field, String fallback) {
        JsonNode v = p.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? fallback : v.asText();
    }

    private static boolean bool(ObjectNode p, String field) {
        JsonNode v = p.get(field);
        return v != null && (v.isBoolean() ? v.asBoolean() : Boolean.parseBoolean(v.asText()));
    }

    private static String encode(ObjectNode event) {
        ObjectNode c = SimState.object();
        c.set("timestamp", event.get("timestamp"));
        c.set("id", event.get("id"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(c.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode decode(String cursor) {
        try {
            JsonNode c = MAPPER.readTree(Base64.getUrlDecoder().decode(cursor));
            if (!c.isObject() || !c.has("timestamp") || !c.has("id")) {
                throw new IllegalArgumentException();
            }
            return (ObjectNode) c;
        } catch (Exception e) {
            throw ApiError.unprocessable("cursor is not one this search returned");
        }
    }

    private static ObjectNode catalog() {
        ObjectNode catalog = SimState.object();
        ArrayNode sources = catalog.putArray("sources");
        source(sources, "all", "All sources", "transparent", "all");
        source(sources, "external_api_log", "API", "#2563eb", "api", "external_api_log");
        source(sources, "whatsapp_webhook_event", "WhatsApp", "#16a34a", "whatsapp", "whatsapp_webhook_event");
        source(sources, "flow_event", "Workflows", "#9333ea", "workflow", "flow_event");
        source(sources, "webhook_delivery", "Webhooks", "#ea580c", "webhook", "webhook_delivery");
        ArrayNode suggestions = catalog.putArray("filter_suggestions");
        suggestion(suggestions, "endpoint", "API endpoint contains text", "endpoint_contains", "external_api_log");
        suggestion(suggestions, "status", "HTTP response status", "response_status", "external_api_log", "webhook_delivery");
        suggestion(suggestions, "phone", "WhatsApp phone number ID", "phone_number_id", "whatsapp_webhook_event");
        suggestion(suggestions, "type", "WhatsApp message type", "message_type", "whatsapp_webhook_event");
        suggestion(suggestions, "execution", "Workflow execution ID", "flow_execution_id", "flow_event");
        suggestion(suggestions, "event", "Workflow event type", "event_type", "flow_event");
        suggestion(suggestions, "webhook", "Webhook ID", "webhook_id", "webhook_delivery");
        ArrayNode details = catalog.putArray("detail_fields");
        for (String f : List.of("flow_execution_id", "event_type", "endpoint", "response_status", "http_method", "phone_number_id",
                "message_type", "webhook_id", "webhook_url", "error_message")) {
            details.add(f);
        }
        return catalog;
    }

    private static void source(ArrayNode sources, String value, String label, String color, String... aliases) {
        ObjectNode s = sources.addObject();
        s.put("value", value);
        s.put("label", label);
        s.put("color", color);
        ArrayNode a = s.putArray("aliases");
        for (String alias : aliases) {
            a.add(alias);
        }
    }

    private static void suggestion(ArrayNode suggestions, String key, String description, String paramKey, String... sources) {
        ObjectNode s = suggestions.addObject();
        s.put("key", key);
        s.put("label", key + ":");
        s.put("description", description);
        s.put("param_key", paramKey);
        ArrayNode a = s.putArray("sources");
        for (String source : sources) {
            a.add(source);
        }
    }
}
