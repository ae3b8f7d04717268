package io.github.camelkapso.simulator.ops.automation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.state.SimState;

/** The seeded Pipedream catalog ({@code automation/integration-catalog.json}): apps, actions, their props and options. */
final class IntegrationCatalog {

    private static final String RESOURCE = "/io/github/camelkapso/simulator/automation/integration-catalog.json";
    private static final JsonNode CATALOG = load();

    private IntegrationCatalog() {
    }

    private static JsonNode load() {
        try (InputStream in = IntegrationCatalog.class.getResourceAsStream(RESOURCE)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode apps() {
        return CATALOG.path("apps");
    }

    static JsonNode actions() {
        return CATALOG.path("actions");
    }

    static JsonNode seededAccounts() {
        return CATALOG.path("accounts");
    }

    static Optional<JsonNode> app(String slug) {
        for (JsonNode app : apps()) {
            if (app.path("name_slug").asText().equals(slug)) {
                return Optional.of(app);
            }
        }
        return Optional.empty();
    }

    static Optional<JsonNode> action(String key) {
        for (JsonNode action : actions()) {
            if (action.path("key").asText().equals(key)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    /** Case-insensitive match of {@code query} in any of the named text fields. */
    static boolean matches(JsonNode item, String query, String... fields) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String needle = query.toLowerCase(Locale.ROOT);
        for (String field : fields) {
            if (item.path(field).asText("").toLowerCase(Locale.ROOT).replace('_', ' ').contains(needle.replace('_', ' '))) {
                return true;
            }
        }
        return false;
    }

    /** An action as listed: key, name, description, version, app. */
    static ObjectNode summary(JsonNode action) {
        ObjectNode s = SimState.object();
        for (String field : new String[] {"key", "name", "description", "version", "app_slug"}) {
            s.set(field, action.get(field));
        }
        s.put("component_type", "action");
        return s;
    }

    /** An action's configuration schema, with the dynamic props when {@code dynamic} is set. */
    static ObjectNode schema(JsonNode action, boolean dynamic) {
        ObjectNode s = summary(action);
        ArrayNode props = ((ArrayNode) action.path("configurable_props")).deepCopy();
        if (dynamic) {
            action.path("dynamic_props").path("props").forEach(p -> props.add(p.deepCopy()));
        }
        s.set("configurable_props", props);
        return s;
    }

    /** The named prop among the action's static and dynamic props. */
    static Optional<JsonNode> prop(JsonNode action, String name) {
        for (String group : new String[] {"configurable_props", "dynamic_props"}) {
            JsonNode props = group.equals("configurable_props") ? action.path(group) : action.path(group).path("props");
            for (JsonNode p : props) {
                if (p.path("name").asText().equals(name)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** The name of the action's app prop (e.g. "slack"), where Pipedream expects {authProvisionId}. */
    static String appProp(JsonNode action) {
        for (JsonNode p : action.path("configurable_props")) {
            if ("app".equals(p.path("type").asText())) {
                return p.path("name").asText();
            }
        }
        return null;
    }
}
