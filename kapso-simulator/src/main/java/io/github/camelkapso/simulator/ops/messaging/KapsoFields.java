package io.github.camelkapso.simulator.ops.messaging;

import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code fields=kapso(...)} selector of Meta proxy reads: {@code kapso(default)} or {@code kapso(*)} include the
 * whole {@code kapso} block, {@code kapso(a,b)} only those fields, and no {@code kapso(...)} (or an empty
 * {@code kapso()}) leaves it out.
 */
final class KapsoFields {

    private static final KapsoFields NONE = new KapsoFields(false, Set.of());
    private static final KapsoFields ALL = new KapsoFields(true, null);

    private final boolean include;
    /** The selected fields; null selects all. */
    private final Set<String> selected;

    private KapsoFields(boolean include, Set<String> selected) {
        this.include = include;
        this.selected = selected;
    }

    /** The Platform surface: always the whole block. */
    static KapsoFields all() {
        return ALL;
    }

    static KapsoFields parse(String fields) {
        if (fields == null) {
            return NONE;
        }
        int open = fields.indexOf("kapso(");
        if (open < 0) {
            return NONE;
        }
        int close = fields.indexOf(')', open);
        String inner = (close < 0 ? fields.substring(open + 6) : fields.substring(open + 6, close)).trim();
        if (inner.isEmpty()) {
            return NONE;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : inner.split(",")) {
            String n = name.trim();
            if (n.equals("default") || n.equals("*")) {
                return ALL;
            }
            if (!n.isEmpty()) {
                names.add(n);
            }
        }
        return new KapsoFields(true, names);
    }

    /** A copy of {@code record} whose kapso block is the selected one. */
    ObjectNode apply(ObjectNode record) {
        ObjectNode copy = record.deepCopy();
        JsonNode kapso = copy.get("kapso");
        if (!include || kapso == null || !kapso.isObject()) {
            copy.remove("kapso");
            return copy;
        }
        if (selected != null) {
            ((ObjectNode) kapso).retain(selected);
        }
        return copy;
    }
}
