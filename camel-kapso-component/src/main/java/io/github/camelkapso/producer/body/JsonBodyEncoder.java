package io.github.camelkapso.producer.body;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.client.EncodedBody;
import org.apache.camel.Exchange;

/** JSON bodies, wrapped in the operation's strong-parameters key (e.g. whatsapp_broadcast) when it is missing. */
final class JsonBodyEncoder implements RequestBodyEncoder {

    private final JsonBodies bodies;

    JsonBodyEncoder(JsonBodies bodies) {
        this.bodies = bodies;
    }

    @Override
    public EncodedBody encode(KapsoOperation operation, Exchange exchange) throws Exception {
        JsonNode node = EncodedBody.wrapped(operation, bodies.toTree(operation.id(), exchange.getMessage()), bodies.mapper());
        RequestPreflight.check(operation, node);
        return new EncodedBody(bodies.toBytes(node), EncodedBody.JSON);
    }
}
