package io.github.camelkapso;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.github.camelkapso.catalog.HeaderParam;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.catalog.QueryParam;

/**
 * The per-operation endpoint options: every path, query and header parameter of an operation can be set on the
 * URI under its lowerCamel name ({@code kapso:getBroadcast?broadcastId=...}).
 */
final class OperationOptions {

    private OperationOptions() {
    }

    /** Option names this operation accepts beyond the common ones. */
    static Set<String> names(KapsoOperation operation) {
        Set<String> names = new LinkedHashSet<>();
        for (String p : operation.pathParams()) {
            names.add(ParameterNames.optionName(p));
        }
        for (QueryParam q : operation.queryParams()) {
            names.add(ParameterNames.optionName(q.name()));
        }
        for (HeaderParam h : operation.headerParams()) {
            names.add(ParameterNames.optionName(h.name().toLowerCase()));
        }
        return names;
    }

    /**
     * Removes this operation's own parameters from the URI parameters and returns them keyed by wire name. The common
     * ids (phoneNumberId, ...) stay in the map too, so they also reach the configuration.
     */
    static Map<String, String> extract(KapsoOperation operation, Map<String, Object> uriParameters) {
        Map<String, String> values = new HashMap<>();
        for (String p : operation.pathParams()) {
            take(p, uriParameters, values);
        }
        for (QueryParam q : operation.queryParams()) {
            take(q.name(), uriParameters, values);
        }
        for (HeaderParam h : operation.headerParams()) {
            take(h.name().toLowerCase(), ParameterNames.optionName(h.name().toLowerCase()), uriParameters, values);
        }
        return values;
    }

    private static void take(String wireName, Map<String, Object> from, Map<String, String> into) {
        take(wireName, ParameterNames.optionName(wireName), from, into);
    }

    private static void take(String wireName, String option, Map<String, Object> from, Map<String, String> into) {
        Object value = CommonIds.isCommon(option) ? from.get(option) : from.remove(option);
        if (value != null) {
            into.put(wireName, value.toString());
        }
    }
}
