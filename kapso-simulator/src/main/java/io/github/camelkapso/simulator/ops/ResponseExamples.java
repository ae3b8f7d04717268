package io.github.camelkapso.simulator.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The documented success answer of each operation ({@code kapso-response-examples.json}, built by
 * tools/simulator/import_schemas.py): the field set records must carry, and the answer of operations whose result
 * the simulator cannot compute (reports, AI investigations).
 */
public final class ResponseExamples {

    private static final String RESOURCE = "/io/github/camelkapso/simulator/kapso-response-examples.json";
    private static final JsonNode EXAMPLES = load();

    private ResponseExamples() {
    }

    private static JsonNode load() {
        try (InputStream in = ResponseExamples.class.getResourceAsStream(RESOURCE)) {
            return new ObjectMapper().readTree(in).path("operations");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean has(String operationId) {
        return EXAMPLES.has(operationId);
    }

    /** A copy of the documented answer. */
    public static JsonNode answer(String operationId) {
        JsonNode n = EXAMPLES.get(operationId);
        return n == null ? null : n.deepCopy();
    }

    /** The documented record ({@code data}, first list item, or the bare object) with every value blanked to null. */
    public static ObjectNode blankRecord(String operationId) {
        JsonNode n = EXAMPLES.get(operationId);
        if (n == null) {
            return new ObjectMapper().createObjectNode();
        }
        JsonNode item = n.has("data") ? n.get("data") : n;
        if (item.isArray()) {
            item = item.size() > 0 ? item.get(0) : new ObjectMapper().createObjectNode();
        }
        if (!item.isObject()) {
            return new ObjectMapper().createObjectNode();
        }
        ObjectNode blank = ((ObjectNode) item).deepCopy();
        blank(blank);
        return blank;
    }

    private static void blank(ObjectNode node) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getValue().isArray()) {
                ((ArrayNode) f.getValue()).removeAll();
            } else if (f.getValue().isObject()) {
                f.setValue(com.fasterxml.jackson.databind.node.NullNode.getInstance());
            } else {
                f.setValue(com.fasterxml.jackson.databind.node.NullNode.getInstance());
            }
        }
    }
}
