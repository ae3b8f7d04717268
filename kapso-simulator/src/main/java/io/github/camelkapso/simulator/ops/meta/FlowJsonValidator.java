package io.github.camelkapso.simulator.ops.meta;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The structural checks Meta runs on an uploaded Flow JSON, reported as Meta's {@code validation_errors} (error,
 * error_type, message, line/column span, pointers with the JSON path). Checked: the text is JSON; the root is an
 * object with only version, screens, data_api_version, routing_model and data_channel_uri; version is a Flow JSON
 * version Meta supports; data_api_version, when present, is 3.0; screens is a non-empty array of objects, each with
 * a unique id of letters and underscores and a layout with a type and children; at least one screen is terminal.
 * Component-level rules (which components exist, their properties) are not checked.
 */
final class FlowJsonValidator {

    static final List<String> SUPPORTED_VERSIONS = List.of("2.1", "3.0", "3.1", "4.0", "5.0", "5.1", "6.0", "6.1", "6.2",
            "6.3", "7.0", "7.1", "7.2", "7.3");
    static final Set<String> ROOT_PROPERTIES = Set.of("version", "screens", "data_api_version", "routing_model", "data_channel_uri");
    static final Pattern SCREEN_ID = Pattern.compile("[A-Za-z_]+");

    /** The parsed JSON (null when it is not a JSON object) and what Meta would report about it. */
    record Result(ObjectNode json, ArrayNode errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = new JsonFactory();

    private FlowJsonValidator() {
    }

    static Result validate(String text) {
        ArrayNode errors = JsonNodeFactory.instance.arrayNode();
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            errors.add(error("INVALID_JSON", "JSON_SYNTAX_ERROR", "The Flow JSON is not valid JSON: " + e.getOriginalMessage(),
                    new int[] {line, column, line, column}, "$root"));
            return new Result(null, errors);
        }
        Map<String, int[]> spans = locate(text);
        if (root == null || !root.isObject()) {
            errors.add(schema("INVALID_PROPERTY_TYPE", "Expected property \"$root\" to be of type \"object\".", spans, "$root"));
            return new Result(null, errors);
        }
        ObjectNode json = (ObjectNode) root;
        json.fieldNames().forEachRemaining(name -> {
            if (!ROOT_PROPERTIES.contains(name)) {
                errors.add(schema("INVALID_PROPERTY", "The property \"" + name + "\" cannot be specified at \"$root\".", spans,
                        "$root/" + name));
            }
        });
        JsonNode version = json.get("version");
        if (version == null) {
            errors.add(schema("MISSING_REQUIRED_PROPERTY", "The property \"version\" is required at \"$root\".", spans, "$root"));
        } else if (!SUPPORTED_VERSIONS.contains(version.asText())) {
            errors.add(schema("INVALID_PROPERTY_VALUE", "The value \"" + version.asText() + "\" of \"version\" is not a supported "
                                                         + "Flow JSON version; supported: " + SUPPORTED_VERSIONS, spans, "$root/version"));
        }
        JsonNode dataApi = json.get("data_api_version");
        if (dataApi != null && !"3.0".equals(dataApi.asText())) {
            errors.add(schema("INVALID_PROPERTY_VALUE", "The value \"" + dataApi.asText() + "\" of \"data_api_version\" is not "
                                                         + "supported; use \"3.0\".", spans, "$root/data_api_version"));
        }
        screens(json.get("screens"), spans, errors);
        return new Result(json, errors);
    }

    private static void screens(JsonNode screens, Map<String, int[]> spans, ArrayNode errors) {
        if (screens == null) {
            errors.add(schema("MISSING_REQUIRED_PROPERTY", "The property \"screens\" is required at \"$root\".", spans, "$root"));
            return;
        }
        if (!screens.isArray() || screens.isEmpty()) {
            errors.add(schema("INVALID_PROPERTY_VALUE", "\"screens\" must be an array with at least one screen.", spans, "$root/screens"));
            return;
        }
        Set<String> ids = new HashSet<>();
        boolean terminal = false;
        for (int i = 0; i < screens.size(); i++) {
            JsonNode screen = screens.get(i);
            String path = "$root/screens/" + i;
            if (!screen.isObject()) {
                errors.add(schema("INVALID_PROPERTY_TYPE", "Expected property \"" + path + "\" to be of type \"object\".", spans, path));
                continue;
            }
            JsonNode id = screen.get("id");
            if (id == null) {
                errors.add(schema("MISSING_REQUIRED_PROPERTY", "The property \"id\" is required at \"" + path + "\".", spans, path));
            } else if (!SCREEN_ID.matcher(id.asText()).matches()) {
                errors.add(schema("INVALID_PROPERTY_VALUE", "The screen id \"" + id.asText() + "\" may contain only letters and "
                                                             + "underscores.", spans, path + "/id"));
            } else if (!ids.add(id.asText())) {
                errors.add(schema("DUPLICATE_SCREEN_ID", "The screen id \"" + id.asText() + "\" is used by more than one screen.",
                        spans, path + "/id"));
            }
            JsonNode layout = screen.get("layout");
            if (layout == null) {
                errors.add(schema("MISSING_REQUIRED_PROPERTY", "The property \"layout\" is required at \"" + path + "\".", spans, path));
            } else if (!layout.hasNonNull("type") || !layout.path("children").isArray()) {
                errors.add(schema("INVALID_PROPERTY_VALUE", "The layout at \"" + path + "/layout\" needs a type and a children array.",
                        spans, path + "/layout"));
            }
            terminal |= screen.path("terminal").asBoolean(false);
        }
        if (!terminal) {
            errors.add(schema("MISSING_TERMINAL_SCREEN", "At least one screen must be terminal (\"terminal\": true).", spans,
                    "$root/screens"));
        }
    }

    private static ObjectNode schema(String error, String message, Map<String, int[]> spans, String path) {
        int[] span = spans.getOrDefault(path, spans.getOrDefault("$root", new int[] {1, 1, 1, 1}));
        return error(error, "JSON_SCHEMA_ERROR", message, span, path);
    }

    private static ObjectNode error(String error, String type, String message, int[] span, String path) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("error", error);
        e.put("error_type", type);
        e.put("message", message);
        e.put("line_start", span[0]);
        e.put("line_end", span[2]);
        e.put("column_start", span[1]);
        e.put("column_end", span[3]);
        ObjectNode pointer = e.putArray("pointers").addObject();
        pointer.put("line_start", span[0]);
        pointer.put("line_end", span[2]);
        pointer.put("column_start", span[1]);
        pointer.put("column_end", span[3]);
        pointer.put("path", path.replace("$root", "").replaceFirst("^/", "").replace('/', '.'));
        return e;
    }

    /** The line/column span of every value by its path ({@code $root/screens/0/id}). */
    private static Map<String, int[]> locate(String text) {
        Map<String, int[]> spans = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != null) {
                value(p, "$root", spans);
            }
        } catch (IOException e) {
            // already parsed once; spans stay partial
        }
        return spans;
    }

    private static void value(JsonParser p, String path, Map<String, int[]> spans) throws IOException {
        JsonLocation start = p.currentTokenLocation();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                value(p, path + "/" + name, spans);
            }
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                value(p, path + "/" + i++, spans);
            }
        }
        JsonLocation end = p.currentLocation();
        spans.put(path, new int[] {start.getLineNr(), start.getColumnNr(), end.getLineNr(), end.getColumnNr()});
    }
}
