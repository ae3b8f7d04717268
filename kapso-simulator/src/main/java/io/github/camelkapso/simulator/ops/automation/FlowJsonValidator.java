package io.github.camelkapso.simulator.ops.automation;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.state.SimState;

/**
 * Meta's structural checks of a Flow JSON, answered as Meta's validation errors ({error, error_type, message,
 * pointers[{path}]}): a "major.minor" version; a non-empty screens array; each screen with an id of letters and
 * underscores, unique and not the reserved SUCCESS, and a SingleColumnLayout with children; at least one terminal
 * screen; routing_model and navigate actions pointing at existing screens.
 */
final class FlowJsonValidator {

    private static final Pattern VERSION = Pattern.compile("^\\d+\\.\\d+$");
    private static final Pattern SCREEN_ID = Pattern.compile("^[A-Za-z_]+$");

    private FlowJsonValidator() {
    }

    /** Meta's errors for {@code flowJson}; empty when it is valid. */
    static ArrayNode validate(JsonNode flowJson) {
        ArrayNode errors = SimState.object().arrayNode();
        if (flowJson == null || !flowJson.isObject()) {
            add(errors, "INVALID_PROPERTY_TYPE", "Flow JSON must be a JSON object", "");
            return errors;
        }
        JsonNode version = flowJson.get("version");
        if (version == null || version.isNull()) {
            add(errors, "MISSING_REQUIRED_PROPERTY", "The property 'version' is required", "version");
        } else if (!version.isTextual() || !VERSION.matcher(version.asText()).matches()) {
            add(errors, "INVALID_PROPERTY_VALUE", "The property 'version' must be a string like \"7.0\"", "version");
        }
        JsonNode screens = flowJson.get("screens");
        if (screens == null || !screens.isArray() || screens.isEmpty()) {
            add(errors, screens == null ? "MISSING_REQUIRED_PROPERTY" : "INVALID_PROPERTY_VALUE",
                    "The property 'screens' must be a non-empty array of screens", "screens");
            return errors;
        }
        Set<String> ids = new HashSet<>();
        boolean terminal = false;
        for (int i = 0; i < screens.size(); i++) {
            JsonNode screen = screens.get(i);
            String at = "screens[" + i + "]";
            if (!screen.isObject()) {
                add(errors, "INVALID_PROPERTY_TYPE", "A screen must be an object", at);
                continue;
            }
            String id = screen.path("id").asText("");
            if (id.isEmpty()) {
                add(errors, "MISSING_REQUIRED_PROPERTY", "The property 'id' is required for every screen", at + ".id");
            } else if (!SCREEN_ID.matcher(id).matches()) {
                add(errors, "INVALID_PROPERTY_VALUE", "Screen id '" + id + "' may only contain letters and underscores", at + ".id");
            } else if (id.equals("SUCCESS")) {
                add(errors, "INVALID_PROPERTY_VALUE", "Screen id 'SUCCESS' is reserved", at + ".id");
            } else if (!ids.add(id)) {
                add(errors, "DUPLICATE_SCREEN_ID", "Screen id '" + id + "' is used by another screen", at + ".id");
            }
            terminal |= screen.path("terminal").asBoolean(false);
            JsonNode layout = screen.get("layout");
            if (layout == null || !layout.isObject()) {
                add(errors, "MISSING_REQUIRED_PROPERTY", "The property 'layout' is required for every screen", at + ".layout");
            } else {
                if (!"SingleColumnLayout".equals(layout.path("type").asText())) {
                    add(errors, "INVALID_PROPERTY_VALUE", "The layout type must be SingleColumnLayout", at + ".layout.type");
                }
                if (!layout.path("children").isArray()) {
                    add(errors, "MISSING_REQUIRED_PROPERTY", "The layout needs a 'children' array", at + ".layout.children");
                }
            }
        }
        if (!terminal) {
            add(errors, "MISSING_TERMINAL_SCREEN", "At least one screen must be terminal (\"terminal\": true)", "screens");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = flowJson.path("routing_model").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> route = it.next();
            if (!ids.contains(route.getKey())) {
                add(errors, "INVALID_ROUTING_MODEL", "routing_model names screen '" + route.getKey() + "' that does not exist",
                        "routing_model." + route.getKey());
            }
            for (JsonNode target : route.getValue()) {
                if (!ids.contains(target.asText())) {
                    add(errors, "INVALID_ROUTING_MODEL", "routing_model routes to screen '" + target.asText() + "' that does not exist",
                            "routing_model." + route.getKey());
                }
            }
        }
        navigations(screens, "screens", ids, errors);
        return errors;
    }

    /** Throws the 422 {error, validation_errors} Kapso answers for an invalid Flow JSON. */
    static void check(JsonNode flowJson) {
        ArrayNode errors = validate(flowJson);
        if (!errors.isEmpty()) {
            ObjectNode body = SimState.object();
            body.put("error", "Flow JSON validation failed: " + errors.get(0).path("message").asText()
                              + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
            body.set("validation_errors", errors);
            throw ApiError.raw(422, body);
        }
    }

    private static void navigations(JsonNode node, String path, Set<String> ids, ArrayNode errors) {
        if (node.isObject()) {
            if ("navigate".equals(node.path("name").asText()) && node.path("next").isObject()) {
                String target = node.path("next").path("name").asText("");
                if (!ids.contains(target)) {
                    add(errors, "INVALID_NAVIGATION", "navigate action targets screen '" + target + "' that does not exist",
                            path + ".next.name");
                }
            }
            node.fields().forEachRemaining(f -> navigations(f.getValue(), path + "." + f.getKey(), ids, errors));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                navigations(node.get(i), path + "[" + i + "]", ids, errors);
            }
        }
    }

    private static void add(ArrayNode errors, String code, String message, String path) {
        ObjectNode e = errors.addObject();
        e.put("error", code);
        e.put("error_type", "FLOW_JSON_ERROR");
        e.put("message", message);
        e.putArray("pointers").addObject().put("path", path);
    }
}
