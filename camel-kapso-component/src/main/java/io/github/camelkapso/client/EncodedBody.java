package io.github.camelkapso.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.catalog.KapsoOperation;

/** A request body ready for the wire; reusable across retries. */
public record EncodedBody(byte[] bytes, String contentType) {

    public static final EncodedBody NONE = new EncodedBody(null, null);
    public static final String JSON = "application/json";

    public boolean isEmpty() {
        return bytes == null;
    }

    /**
     * The object in the operation's strong-parameters key (e.g. {@code whatsapp_broadcast}) when the operation has one
     * and the object does not already carry it; anything else as it is.
     */
    public static JsonNode wrapped(KapsoOperation operation, JsonNode node, ObjectMapper mapper) {
        if (operation.hasWrapper() && node.isObject() && !node.has(operation.wrapper())) {
            ObjectNode wrapped = mapper.createObjectNode();
            wrapped.set(operation.wrapper(), node);
            return wrapped;
        }
        return node;
    }

    /** A JSON tree as the operation sends it: wrapped as {@link #wrapped} says, as UTF-8 JSON. */
    public static EncodedBody json(KapsoOperation operation, JsonNode node, ObjectMapper mapper) throws JsonProcessingException {
        return new EncodedBody(mapper.writeValueAsBytes(wrapped(operation, node, mapper)), JSON);
    }
}
