package io.github.camelkapso.simulator.ops.automation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The seeded Kapso Agent modes ({@code automation/agent-modes.json}). */
final class AgentModes {

    private static final String RESOURCE = "/io/github/camelkapso/simulator/automation/agent-modes.json";
    private static final JsonNode MODES = load();

    private AgentModes() {
    }

    private static JsonNode load() {
        try (InputStream in = AgentModes.class.getResourceAsStream(RESOURCE)) {
            return new ObjectMapper().readTree(in).path("modes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode all() {
        return MODES;
    }

    static Optional<JsonNode> get(String mode) {
        for (JsonNode m : MODES) {
            if (m.path("mode").asText().equals(mode)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    static boolean invocableByApi(JsonNode mode) {
        boolean api = false;
        for (JsonNode surface : mode.path("available_invocations")) {
            api |= surface.asText().equals("api");
        }
        return api && mode.path("enabled").asBoolean() && !mode.path("archived").asBoolean();
    }

    /** The tool every run of the mode asks approval for, or null. */
    static String approvalTool(JsonNode mode) {
        JsonNode tools = mode.path("approval_policy").path("tools_requiring_approval");
        return tools.isArray() && !tools.isEmpty() ? tools.get(0).asText() : null;
    }
}
