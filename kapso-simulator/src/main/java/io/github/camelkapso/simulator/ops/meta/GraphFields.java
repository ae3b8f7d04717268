package io.github.camelkapso.simulator.ops.meta;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.state.SimState;

/**
 * The Graph {@code fields} parameter: which fields of a node to answer. Entries may carry modifiers
 * ({@code preview.invalidate(true)}, {@code metric.name(X).granularity(DAY)}, {@code kapso(a,b)}); the field is the
 * name before the first {@code .}, {@code (} or {@code {}. Asking for a field the node type does not have is
 * Meta's {@code (#100) Tried accessing nonexisting field}.
 */
final class GraphFields {

    private GraphFields() {
    }

    /** The requested field names in order, or {@code defaults} when the request has no fields parameter. */
    static Set<String> requested(SimRequest request, Set<String> defaults, Set<String> known, String nodeType) {
        String raw = request.query("fields");
        if (raw == null || raw.isBlank()) {
            return defaults;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String entry : topLevel(raw)) {
            String name = baseName(entry);
            if (name.isEmpty()) {
                continue;
            }
            if (!known.contains(name)) {
                throw ApiError.graph(400, 100, "OAuthException",
                        "(#100) Tried accessing nonexisting field (" + name + ") on node type (" + nodeType + ")", null, null);
            }
            out.add(name);
        }
        return out;
    }

    /** The raw entry of a field (with its modifiers), e.g. {@code preview.invalidate(true)} for preview. */
    static String entry(SimRequest request, String field) {
        String raw = request.query("fields");
        if (raw == null) {
            return null;
        }
        for (String entry : topLevel(raw)) {
            if (baseName(entry).equals(field)) {
                return entry;
            }
        }
        return null;
    }

    /** A copy of {@code node} with only the given fields (absent ones are left out, as Graph does). */
    static ObjectNode select(JsonNode node, Set<String> fields) {
        ObjectNode out = SimState.object();
        for (String f : fields) {
            JsonNode v = node.get(f);
            if (v != null) {
                out.set(f, v.deepCopy());
            }
        }
        return out;
    }

    static String baseName(String entry) {
        String e = entry.trim();
        int cut = e.length();
        for (char c : new char[] {'.', '(', '{'}) {
            int i = e.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return e.substring(0, cut).trim();
    }

    /** Splits on commas that are not inside parentheses or braces. */
    static List<String> topLevel(String raw) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : raw.toCharArray()) {
            if (c == '(' || c == '{') {
                depth++;
            } else if (c == ')' || c == '}') {
                depth = Math.max(0, depth - 1);
            }
            if (c == ',' && depth == 0) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }
}
