package io.github.camelkapso.simulator.validation;

import java.net.URI;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a request body against the subset of JSON Schema that Kapso's published request schemas use: type,
 * required, properties, items, enum, const, lengths (in code points, as WhatsApp counts them), bounds, sizes,
 * pattern, uri/email formats, oneOf/anyOf. Answers the first violation with the field path and the rule.
 */
public final class SchemaValidator {

    /** A violated rule: where ({@code whatsapp_broadcast.recipients[3].phone_number}) and what. */
    public record Violation(String field, String rule) {
        int depth() {
            return field.split("[.\\[]").length;
        }
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    /** The first violation, or null when the value satisfies the schema. */
    public Violation validate(JsonNode schema, JsonNode value, String path) {
        if (schema == null || schema.isEmpty()) {
            return null;
        }
        if (schema.has("oneOf")) {
            Violation v = anyBranch(schema.get("oneOf"), value, path);
            if (v != null) {
                return v;
            }
        }
        if (schema.has("anyOf")) {
            Violation v = anyBranch(schema.get("anyOf"), value, path);
            if (v != null) {
                return v;
            }
        }
        if (value == null || value.isMissingNode()) {
            return null;
        }
        if (value.isNull()) {
            return allowsNull(schema) ? null : new Violation(path, "must not be null");
        }
        JsonNode type = schema.get("type");
        if (type != null && !typeMatches(type, value)) {
            return new Violation(path, "must be " + describe(type));
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            return new Violation(path, "must be " + schema.get("const"));
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode allowed : schema.get("enum")) {
                found |= allowed.equals(value) || allowed.isTextual() && value.isTextual() && allowed.asText().equals(value.asText());
            }
            if (!found) {
                return new Violation(path, "must be one of " + schema.get("enum"));
            }
        }
        if (value.isTextual()) {
            return text(schema, value.asText(), path);
        }
        if (value.isNumber()) {
            return number(schema, value, path);
        }
        if (value.isArray()) {
            return array(schema, value, path);
        }
        if (value.isObject()) {
            return object(schema, value, path);
        }
        return null;
    }

    private Violation anyBranch(JsonNode branches, JsonNode value, String path) {
        Violation best = null;
        for (JsonNode branch : branches) {
            Violation v = validate(branch, value, path);
            if (v == null) {
                return null;
            }
            if (best == null || v.depth() > best.depth()) {
                best = v;
            }
        }
        return best;
    }

    private Violation text(JsonNode schema, String s, String path) {
        int length = s.codePointCount(0, s.length());
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            return new Violation(path, "must be at least " + schema.get("minLength").asInt() + " characters");
        }
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            return new Violation(path, "must be at most " + schema.get("maxLength").asInt() + " characters (got " + length + ")");
        }
        if (schema.has("pattern")) {
            Pattern p = patterns.computeIfAbsent(schema.get("pattern").asText(), Pattern::compile);
            if (!p.matcher(s).find()) {
                return new Violation(path, "must match " + schema.get("pattern").asText());
            }
        }
        String format = schema.path("format").asText("");
        if (format.equals("uri") && !isUri(s)) {
            return new Violation(path, "must be an absolute http(s) URL");
        }
        if (format.equals("email") && !EMAIL.matcher(s).matches()) {
            return new Violation(path, "must be an email address");
        }
        return null;
    }

    private static Violation number(JsonNode schema, JsonNode n, String path) {
        double v = n.asDouble();
        if (schema.has("minimum") && v < schema.get("minimum").asDouble()) {
            return new Violation(path, "must be >= " + schema.get("minimum").asText());
        }
        if (schema.has("maximum") && v > schema.get("maximum").asDouble()) {
            return new Violation(path, "must be <= " + schema.get("maximum").asText());
        }
        return null;
    }

    private Violation array(JsonNode schema, JsonNode array, String path) {
        if (schema.has("minItems") && array.size() < schema.get("minItems").asInt()) {
            return new Violation(path, "must have at least " + schema.get("minItems").asInt() + " items");
        }
        if (schema.has("maxItems") && array.size() > schema.get("maxItems").asInt()) {
            return new Violation(path, "must have at most " + schema.get("maxItems").asInt() + " items (got " + array.size() + ")");
        }
        JsonNode items = schema.get("items");
        if (items != null) {
            for (int i = 0; i < array.size(); i++) {
                Violation v = validate(items, array.get(i), path + "[" + i + "]");
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    private Violation object(JsonNode schema, JsonNode object, String path) {
        for (JsonNode required : schema.path("required")) {
            JsonNode field = object.get(required.asText());
            if (field == null) {
                return new Violation(child(path, required.asText()), "is required");
            }
        }
        JsonNode properties = schema.get("properties");
        if (properties != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> p = it.next();
                Violation v = validate(p.getValue(), object.get(p.getKey()), child(path, p.getKey()));
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        switch (type.asText()) {
            case "string":
                return value.isTextual();
            case "integer":
                return value.isIntegralNumber() || value.isNumber() && value.asDouble() == Math.rint(value.asDouble());
            case "number":
                return value.isNumber();
            case "boolean":
                return value.isBoolean();
            case "array":
                return value.isArray();
            case "object":
                return value.isObject();
            case "null":
                return value.isNull();
            default:
                return true;
        }
    }

    private static boolean allowsNull(JsonNode schema) {
        if (schema.path("nullable").asBoolean(false)) {
            return true;
        }
        JsonNode type = schema.get("type");
        if (type == null) {
            return true;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.asText().equals("null")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String describe(JsonNode type) {
        if (!type.isArray()) {
            return articled(type.asText());
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode t : type) {
            if (!t.asText().equals("null")) {
                sb.append(sb.length() == 0 ? "" : " or ").append(articled(t.asText()));
            }
        }
        return sb.toString();
    }

    private static String articled(String type) {
        return (type.startsWith("a") || type.startsWith("i") || type.startsWith("o") ? "an " : "a ") + type;
    }

    private static boolean isUri(String s) {
        try {
            URI uri = new URI(s);
            return uri.isAbsolute() && uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (Exception e) {
            return false;
        }
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
