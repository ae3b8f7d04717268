package io.github.camelkapso.consumer.polling;

import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

import io.github.camelkapso.CommonIds;
import io.github.camelkapso.KapsoEndpoint;
import io.github.camelkapso.catalog.KapsoOperation;

/**
 * Derives the default state key of a polling endpoint from what decides which items it sees: the operation, its path
 * parameters (with the configured common ids), its filtering query parameters, database filters and order column.
 * Page size and field selection leave the item set unchanged, so they stay out: changing them keeps the watermark.
 */
final class StateKeys {

    private static final Set<String> NOT_IDENTIFYING = Set.of("limit", "per_page", "fields", "select");

    private StateKeys() {
    }

    static String derive(KapsoEndpoint endpoint, String orderColumn) {
        KapsoOperation op = endpoint.getCatalogOperation();
        Map<String, String> parts = new TreeMap<>();
        for (String p : op.pathParams()) {
            String value = endpoint.getOperationParameters().get(p);
            parts.put(p, value != null ? value : CommonIds.defaultFor(p, endpoint.getConfiguration()));
        }
        endpoint.getOperationParameters().forEach((name, value) -> {
            if (!NOT_IDENTIFYING.contains(name) && op.queryParam(name).isPresent()) {
                parts.put(name, value);
            }
        });
        Map<String, Object> filters = endpoint.getConfiguration().getFilters();
        if (op.filters() && filters != null) {
            filters.forEach((column, condition) -> parts.put("filter." + column, String.valueOf(condition)));
        }
        if (orderColumn != null) {
            parts.put("order", orderColumn);
        }
        StringJoiner key = new StringJoiner(",", op.id() + "[", "]").setEmptyValue(op.id());
        parts.forEach((name, value) -> key.add(escape(name) + ":" + escape(value)));
        return key.toString();
    }

    /**
     * Keeps the key storable everywhere: FileStateRepository rejects '=' and line breaks in keys; '%' is escaped too so
     * that two different parameter sets never share a key.
     */
    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '=' || c == ',' || c == ':' || c == '[' || c == ']' || c < 0x20) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
