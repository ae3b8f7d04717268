package io.github.camelkapso.producer.body;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.catalog.KapsoOperation;
import org.apache.camel.Exchange;

/** JSON bodies, wrapped in the operation's strong-parameters key (e.g. whatsapp_broadcast) when it is missing. */
final class JsonBodyEncoder implements RequestBodyEncoder {

    private static final String JSON = "application/json";

    private final JsonBodies bodies;

    JsonBodyEncoder(JsonBodies bodies) {
        this.bodies = bodies;
    }

    @Override
    public EncodedBody encode(KapsoOperation operation, Exchange exchange) throws Exception {
        JsonNode node = bodies.toTree(operation.id(), exchange.getMessage());
        if (operation.hasWrapper() && node.isObject() && !node.has(operation.wrapper())) {
            ObjectNode wrapped = bodies.mapper().createObjectNode();
            wrapped.set(operation.wrapper(), node);
            node = wrapped;
        }
        RequestPreflight.check(operation, node);
        return new EncodedBody(bodies.toBytes(node), JSON);
    }
}
