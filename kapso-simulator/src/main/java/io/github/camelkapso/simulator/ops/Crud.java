package io.github.camelkapso.simulator.ops;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;

/** The moves most Kapso resources share: create with id and timestamps, fetch or 404, merge an update. */
public final class Crud {

    private Crud() {
    }

    /** A new record: the given attributes plus id, created_at and updated_at. */
    public static ObjectNode newRecord(SimContext context, String id, ObjectNode attributes) {
        ObjectNode record = SimState.object();
        record.put("id", id);
        if (attributes != null) {
            attributes.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("id")) {
                    record.set(f.getKey(), f.getValue().deepCopy());
                }
            });
        }
        String now = context.clock().iso();
        record.put("created_at", now);
        record.put("updated_at", now);
        return record;
    }

    /** The record named by a path parameter, or the surface's 404 naming it. */
    public static ObjectNode require(Store store, SimRequest request, String pathParam, String what) {
        String id = request.path(pathParam);
        return store.get(id).orElseThrow(() -> ApiError.notFound(request.operation(), what + " " + id));
    }

    /** Copies the given attributes onto the record, refusing to change immutable fields, and bumps updated_at. */
    public static ObjectNode merge(SimContext context, ObjectNode record, ObjectNode attributes, Set<String> immutable) {
        for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals("id") || f.getKey().equals("created_at")) {
                continue;
            }
            if (immutable.contains(f.getKey()) && !f.getValue().equals(record.get(f.getKey()))) {
                throw ApiError.unprocessable(f.getKey() + " cannot be changed after creation");
            }
            record.set(f.getKey(), f.getValue().deepCopy());
        }
        record.put("updated_at", context.clock().iso());
        return record;
    }

    /** Rejects a missing or blank required attribute with a 422 naming it. */
    public static String requireText(ObjectNode attributes, String field, String wrapper) {
        JsonNode v = attributes.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw ApiError.unprocessable((wrapper == null ? "" : wrapper + ".") + field + " is required");
        }
        return v.asText();
    }
}
