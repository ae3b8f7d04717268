package io.github.camelkapso.simulator.ops;

import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.catalog.QueryParam;
import io.github.camelkapso.simulator.http.SimRequest;

/**
 * Turns the documented list filters of an operation into a predicate, by their naming conventions:
 * {@code x_contains} (substring, case-insensitive), {@code created_after}/{@code created_before} and
 * {@code since}/{@code until} (time bounds), {@code has_x} (presence), anything else equality on the field of that
 * name. Paging and shaping parameters are ignored.
 */
public final class QueryFilters {

    private static final Set<String> NOT_FILTERS = Set.of("limit", "after", "before", "page", "per_page", "fields", "order",
            "offset", "select", "cursor", "query", "period");

    private QueryFilters() {
    }

    public static Predicate<ObjectNode> of(SimRequest request) {
        return of(request, "created_at");
    }

    /** @param timeField the field since/until and *_after/*_before bound */
    public static Predicate<ObjectNode> of(SimRequest request, String timeField) {
        Predicate<ObjectNode> all = n -> true;
        for (QueryParam q : request.operation().queryParams()) {
            String value = request.query(q.name());
            if (value == null || value.isEmpty() || NOT_FILTERS.contains(q.name())) {
                continue;
            }
            all = all.and(filter(q.name(), value, timeField));
        }
        return all;
    }

    static Predicate<ObjectNode> filter(String name, String value, String timeField) {
        if (name.endsWith("_contains")) {
            String field = name.substring(0, name.length() - "_contains".length());
            String needle = value.toLowerCase(Locale.ROOT);
            return n -> n.path(field).asText("").toLowerCase(Locale.ROOT).contains(needle);
        }
        if (name.equals("created_after") || name.equals("since") || name.equals("occurred_after")) {
            String field = name.startsWith("occurred") ? "occurred_at" : timeField;
            return n -> n.path(field).asText("").compareTo(value) >= 0;
        }
        if (name.equals("created_before") || name.equals("until") || name.equals("occurred_before")) {
            String field = name.startsWith("occurred") ? "occurred_at" : timeField;
            return n -> n.path(field).asText("").compareTo(value) <= 0;
        }
        if (name.endsWith("_since") || name.endsWith("_until")) {
            String field = name.substring(0, name.length() - 6) + "_at";
            boolean since = name.endsWith("_since");
            return n -> since ? n.path(field).asText("").compareTo(value) >= 0 : n.path(field).asText("").compareTo(value) <= 0;
        }
        if (name.startsWith("has_")) {
            String field = name.substring(4);
            boolean wanted = Boolean.parseBoolean(value);
            return n -> (n.hasNonNull(field) || n.hasNonNull(field + "_id")) == wanted;
        }
        return n -> {
            JsonNode v = n.get(name);
            if (v == null && n.has("kapso")) {
                v = n.get("kapso").get(name);
            }
            if (v == null || v.isNull()) {
                return false;
            }
            if (v.isBoolean()) {
                return v.asBoolean() == Boolean.parseBoolean(value);
            }
            for (String option : value.split(",")) {
                if (v.asText().equals(option)) {
                    return true;
                }
            }
            return false;
        };
    }
}
