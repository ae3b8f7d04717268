package io.github.camelkapso.event;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
        return number(at(node, path), v -> v.isIntegralNumber() ? v.asInt() : null, Integer::valueOf);
    }

    static Double decimal(JsonNode node, String... path) {
        return number(at(node, path), JsonNode::asDouble, Double::valueOf);
    }

    /** An amount of money, kept exact. */
    static BigDecimal amount(JsonNode node, String... path) {
        return number(at(node, path), JsonNode::decimalValue, BigDecimal::new);
    }

    /** WhatsApp's timestamps are Unix seconds, sent as text or as a number. */
    static Instant epochSeconds(JsonNode node, String... path) {
        return number(at(node, path), v -> v.canConvertToLong() ? Instant.ofEpochSecond(v.asLong()) : null,
                text -> Instant.ofEpochSecond(Long.parseLong(text)));
    }

    /** A boolean, or null when the field is missing or not one. */
    static Boolean bool(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value.isBoolean() ? value.asBoolean() : null;
    }

    /** Meta and Kapso send numbers both as JSON numbers and as strings. */
    private static <T> T number(JsonNode value, Function<JsonNode, T> ofNumber, Function<String, T> ofText) {
        try {
            if (value.isNumber()) {
                return ofNumber.apply(value);
            }
            return value.isTextual() ? ofText.apply(value.asText().trim()) : null;
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
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
