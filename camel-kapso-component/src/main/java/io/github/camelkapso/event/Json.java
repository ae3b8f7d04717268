package io.github.camelkapso.event;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Null-tolerant reads of a payload tree: a missing or null field is null, never an exception. */
final class Json {

    private Json() {
    }

    static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node == null ? MissingNode.getInstance() : node;
        for (String field : path) {
            current = current.path(field);
        }
        return current;
    }

    static String text(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            return null;
        }
        return value.asText();
    }

    static Integer integer(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (value.isIntegralNumber()) {
            return value.asInt();
        }
        if (value.isTextual()) {
            try {
                return Integer.valueOf(value.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static Double decimal(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isTextual()) {
            try {
                return Double.valueOf(value.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static boolean flag(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value.isBoolean() ? value.asBoolean() : "true".equalsIgnoreCase(value.asText());
    }

    /** The object or array at the path, or null. */
    static JsonNode container(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value.isContainerNode() ? value : null;
    }

    static List<JsonNode> array(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        List<JsonNode> out = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(out::add);
        }
        return out;
    }

    static String firstText(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isEmpty()) {
                return candidate;
            }
        }
        return null;
    }
}
