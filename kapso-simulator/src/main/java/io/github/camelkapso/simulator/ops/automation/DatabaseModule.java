package io.github.camelkapso.simulator.ops.automation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;

/**
 * The project database ({@code /db/{table}}, PostgREST-style over SQLite): schemaless tables of JSON rows, each in
 * store {@code db.<table>}. Rules:
 * <ul>
 * <li>a table is created by its first insert (or upsert); names are [A-Za-z_][A-Za-z0-9_]* (400); reading, updating
 * or deleting in an unknown table is 404 "Table &lt;name&gt; not found";</li>
 * <li>insert takes one row object or an array of them (at least one; 400 otherwise), all or nothing; each row gets
 * an id (UUID) unless it brings one (an id already in the table is 409 "UNIQUE constraint failed"), and created_at /
 * updated_at; answers 201 {"data": [rows]};</li>
 * <li>filters are {@code <column>=<op>.<value>} with eq, neq, gt, gte, lt, lte, like (% and _, case-insensitive for
 * ASCII), in.(a,b) and is.null, all ANDed; numbers compare numerically, text as text, NULL matches only is.null; an
 * unknown operator or a column the table never had is 400;</li>
 * <li>select=col1,col2 projects, order=col.asc|desc[,col2.desc] sorts (NULL first ascending, numbers before text),
 * limit/offset page (non-negative integers, 400 otherwise); queries answer {"data": [rows]}; getRow answers
 * {"data": row} or 404;</li>
 * <li>update and delete require at least one filter (400 naming the rule) and apply to every matching row; update
 * refreshes updated_at and cannot change id (422); both answer {"data": [affected rows]};</li>
 * <li>upsert (row or array) updates the rows the filters identify, or inserts when none match (taking the eq filter
 * values as columns); for an array the filter's columns are the conflict key, matched with each row's own values;
 * without filters a row is matched by its id; answers 200 {"data": [rows]}.</li>
 * </ul>
 */
public final class DatabaseModule implements SimulatorModule {

    private static final Pattern TABLE_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
    private static final Set<String> SHAPING = Set.of("select", "order", "limit", "offset");

    private final Map<String, Set<String>> columns = new HashMap<>();

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        handlers.on("insertRows", r -> {
            Store table = table(ctx, r, true);
            List<ObjectNode> rows = rows(r);
            for (ObjectNode row : rows) {
                if (row.hasNonNull("id") && table.contains(row.get("id").asText())) {
                    throw ApiError.conflict("UNIQUE constraint failed: " + table(r) + ".id (" + row.get("id").asText() + ")");
                }
            }
            ArrayNode data = SimState.object().arrayNode();
            rows.forEach(row -> data.add(insert(ctx, r, table, row)));
            return dataList(201, data);
        });
        handlers.on("queryRows", r -> {
            Store table = table(ctx, r, false);
            List<ObjectNode> rows = matching(r, table);
            String order = r.query("order");
            if (order != null && !order.isEmpty()) {
                rows.sort(order(r, order));
            }
            int offset = nonNegative(r, "offset", 0);
            int limit = nonNegative(r, "limit", Integer.MAX_VALUE);
            List<String> select = select(r);
            ArrayNode data = SimState.object().arrayNode();
            rows.stream().skip(offset).limit(limit).forEach(row -> data.add(project(row, select)));
            return dataList(200, data);
        });
        handlers.on("getRow", r -> {
            Store table = table(ctx, r, false);
            return SimResponse.data(200, table.get(r.path("id")).orElseThrow(() ->
                    ApiError.notFound(r.operation(), "Row " + r.path("id") + " in table " + table(r))));
        });
        handlers.on("updateRows", r -> {
            Store table = table(ctx, r, false);
            requireFilters(r, "updateRows");
            ObjectNode changes = changes(r);
            ArrayNode data = SimState.object().arrayNode();
            for (ObjectNode row : matching(r, table)) {
                data.add(update(ctx, r, row, changes));
            }
            return dataList(200, data);
        });
        handlers.on("upsertRows", r -> {
            Store table = table(ctx, r, true);
            List<ObjectNode> rows = rows(r);
            Map<String, String> filters = filters(r);
            boolean bulk = r.json().isArray();
            ArrayNode data = SimState.object().arrayNode();
            for (ObjectNode row : rows) {
                Predicate<ObjectNode> key = conflictKey(r, filters, row, bulk);
                List<ObjectNode> existing = key == null ? List.of() : table.all().stream().filter(key).toList();
                if (existing.isEmpty()) {
                    ObjectNode fresh = row.deepCopy();
                    filters.forEach((col, expr) -> {
                        if (expr.startsWith("eq.") && !fresh.has(col)) {
                            fresh.put(col, expr.substring(3));
                        }
                    });
                    data.add(insert(ctx, r, table, fresh));
                } else {
                    for (ObjectNode match : existing) {
                        ObjectNode changes = row.deepCopy();
                        changes.remove("id");
                        data.add(update(ctx, r, match, changes));
                    }
                }
            }
            return dataList(200, data);
        });
        handlers.on("deleteRows", r -> {
            Store table = table(ctx, r, false);
            requireFilters(r, "deleteRows");
            ArrayNode data = SimState.object().arrayNode();
            for (ObjectNode row : matching(r, table)) {
                table.remove(row.path("id").asText());
                data.add(row);
            }
            return dataList(200, data);
        });
    }

    private static String table(SimRequest r) {
        return r.path("table");
    }

    private Store table(SimContext ctx, SimRequest r, boolean create) {
        String name = table(r);
        if (!TABLE_NAME.matcher(name).matches()) {
            throw ApiError.platform(400, "Invalid table name " + name + ": use letters, digits and underscores, not starting with a digit");
        }
        String store = AutomationStores.TABLE_PREFIX + name;
        if (!create && !ctx.state().stores().containsKey(store)) {
            throw ApiError.platform(404, "Table " + name + " not found");
        }
        columns.computeIfAbsent(name, n -> new LinkedHashSet<>(List.of("id", "created_at", "updated_at")));
        return ctx.state().store(store);
    }

    /** The body as rows: one object or a non-empty array of objects. */
    private static List<ObjectNode> rows(SimRequest r) {
        JsonNode body = r.json();
        List<ObjectNode> rows = new ArrayList<>();
        if (body.isObject()) {
            rows.add((ObjectNode) body);
        } else if (body.isArray()) {
            int i = 0;
            for (JsonNode row : body) {
                if (!row.isObject()) {
                    throw ApiError.platform(400, "Row " + i + " of the body must be a JSON object of columns");
                }
                rows.add((ObjectNode) row);
                i++;
            }
        } else {
            throw ApiError.platform(400, "The body must be a row object or an array of row objects");
        }
        if (rows.isEmpty() || rows.size() == 1 && rows.get(0).isEmpty()) {
            throw ApiError.platform(400, "The body holds no row to write");
        }
        return rows;
    }

    private ObjectNode insert(SimContext ctx, SimRequest r, Store table, ObjectNode given) {
        String now = ctx.clock().iso();
        ObjectNode row = SimState.object();
        row.set("id", given.hasNonNull("id") ? given.get("id").deepCopy() : SimState.object().textNode(Ids.uuid()));
        given.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("id")) {
                row.set(f.getKey(), f.getValue().deepCopy());
            }
        });
        if (!row.has("created_at")) {
            row.put("created_at", now);
        }
        if (!row.has("updated_at")) {
            row.put("updated_at", now);
        }
        row.fieldNames().forEachRemaining(columns.get(table(r))::add);
        return table.put(row);
    }

    private ObjectNode update(SimContext ctx, SimRequest r, ObjectNode row, ObjectNode changes) {
        row.setAll(changes.deepCopy());
        if (!changes.has("updated_at")) {
            row.put("updated_at", ctx.clock().iso());
        }
        changes.fieldNames().forEachRemaining(columns.get(table(r))::add);
        return row;
    }

    private static ObjectNode changes(SimRequest r) {
        JsonNode body = r.json();
        if (!body.isObject() || body.isEmpty()) {
            throw ApiError.platform(400, "The body must be an object with the columns to change");
        }
        ObjectNode changes = (ObjectNode) body;
        if (changes.has("id")) {
            throw ApiError.unprocessable("id cannot be changed");
        }
        return changes;
    }

    /** The filter parameters: every query parameter but select, order, limit and offset. */
    private static Map<String, String> filters(SimRequest r) {
        Map<String, String> filters = new LinkedHashMap<>();
        r.queryParams().forEach((name, values) -> {
            if (!SHAPING.contains(name) && !values.isEmpty()) {
                filters.put(name, values.get(values.size() - 1));
            }
        });
        return filters;
    }

    /** The filters ANDed; {@code strict}: a column the table never had is a 400 (as SQLite's "no such column"). */
    private Predicate<ObjectNode> predicate(SimRequest r, boolean strict) {
        Predicate<ObjectNode> all = row -> true;
        for (Map.Entry<String, List<String>> q : r.queryParams().entrySet()) {
            if (SHAPING.contains(q.getKey())) {
                continue;
            }
            if (strict) {
                requireColumn(r, q.getKey(), "filter");
            }
            for (String expression : q.getValue()) {
                all = all.and(RowFilter.parse(q.getKey(), expression));
            }
        }
        return all;
    }

    private List<ObjectNode> matching(SimRequest r, Store table) {
        Predicate<ObjectNode> filter = predicate(r, true);
        List<ObjectNode> rows = new ArrayList<>();
        for (Store.Entry e : table.oldestFirst(filter)) {
            rows.add(e.node());
        }
        return rows;
    }

    private static void requireFilters(SimRequest r, String operation) {
        if (filters(r).isEmpty()) {
            throw ApiError.platform(400, operation + " requires at least one filter (e.g. id=eq.<id>): Kapso does not "
                                         + (operation.equals("deleteRows") ? "delete" : "update") + " every row of a table at once");
        }
    }

    private Predicate<ObjectNode> conflictKey(SimRequest r, Map<String, String> filters, ObjectNode row, boolean bulk) {
        if (filters.isEmpty()) {
            String id = row.path("id").asText(null);
            return id == null ? null : x -> id.equals(x.path("id").asText());
        }
        if (!bulk) {
            return predicate(r, false);
        }
        Predicate<ObjectNode> key = x -> true;
        for (Map.Entry<String, String> f : filters.entrySet()) {
            String expression = row.has(f.getKey()) ? "eq." + SqlValues.text(row.get(f.getKey())) : f.getValue();
            key = key.and(RowFilter.parse(f.getKey(), expression));
        }
        return key;
    }

    private Comparator<ObjectNode> order(SimRequest r, String order) {
        Comparator<ObjectNode> comparator = null;
        for (String part : order.split(",")) {
            String[] pieces = part.trim().split("\\.");
            String column = pieces[0];
            String direction = pieces.length > 1 ? pieces[1] : "asc";
            if (pieces.length > 2 || !direction.equals("asc") && !direction.equals("desc")) {
                throw ApiError.platform(400, "order " + part + " must be <column>.asc or <column>.desc");
            }
            requireColumn(r, column, "order");
            Comparator<ObjectNode> c = (a, b) -> SqlValues.order(a.get(column), b.get(column));
            c = direction.equals("desc") ? c.reversed() : c;
            comparator = comparator == null ? c : comparator.thenComparing(c);
        }
        return comparator;
    }

    private List<String> select(SimRequest r) {
        String select = r.query("select");
        if (select == null || select.isBlank() || select.trim().equals("*")) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String column : select.split(",")) {
            requireColumn(r, column.trim(), "select");
            out.add(column.trim());
        }
        return out;
    }

    private static ObjectNode project(ObjectNode row, List<String> select) {
        if (select == null) {
            return row;
        }
        ObjectNode out = SimState.object();
        select.forEach(c -> out.set(c, row.get(c)));
        return out;
    }

    private void requireColumn(SimRequest r, String column, String where) {
        if (!columns.get(table(r)).contains(column)) {
            throw ApiError.platform(400, "Column " + column + " (in " + where + ") does not exist in table " + table(r));
        }
    }

    private static int nonNegative(SimRequest r, String name, int defaultValue) {
        String v = r.query(name);
        if (v == null || v.isEmpty()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.platform(400, name + " must be a non-negative integer, got " + v);
        }
    }

    private static SimResponse dataList(int status, ArrayNode rows) {
        ObjectNode body = SimState.object();
        body.set("data", rows);
        return SimResponse.json(status, body);
    }
}
