package io.github.camelkapso.consumer.webhook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The eventTypes option: exact event names, or prefixes written {@code whatsapp.message.*}. Empty accepts all. */
final class EventTypeFilter {

    private final List<String> exact = new ArrayList<>();
    private final List<String> prefixes = new ArrayList<>();

    EventTypeFilter(String commaList) {
        for (String name : split(commaList)) {
            if (name.endsWith("*")) {
                prefixes.add(name.substring(0, name.length() - 1));
            } else {
                exact.add(name);
            }
        }
    }

    static List<String> split(String commaList) {
        List<String> out = new ArrayList<>();
        if (commaList != null) {
            for (String part : commaList.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    boolean acceptsAny(Collection<String> types) {
        if (exact.isEmpty() && prefixes.isEmpty()) {
            return true;
        }
        for (String type : types) {
            if (exact.contains(type) || prefixes.stream().anyMatch(type::startsWith)) {
                return true;
            }
        }
        return false;
    }
}
