package io.github.camelkapso.producer.body;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.client.EncodedBody;

/**
 * Picks the encoder of an operation: a registered handler for the few operations that need one (multipart uploads),
 * otherwise one per body kind.
 */
public final class RequestBodyEncoders {

    private final Map<String, RequestBodyEncoder> handlers;
    private final RequestBodyEncoder json;
    private final RequestBodyEncoder none = (op, exchange) -> EncodedBody.NONE;

    public RequestBodyEncoders(ObjectMapper mapper) {
        JsonBodies bodies = new JsonBodies(mapper);
        this.json = new JsonBodyEncoder(bodies);
        this.handlers = Map.of(
                "uploadMedia", new MediaUploadEncoder(),
                "uploadFlowJson", new FlowJsonUploadEncoder(bodies));
    }

    public RequestBodyEncoder forOperation(KapsoOperation operation) {
        RequestBodyEncoder handler = handlers.get(operation.id());
        if (handler != null) {
            return handler;
        }
        switch (operation.body()) {
            case JSON:
                return json;
            case NONE:
                return none;
            default:
                throw new IllegalStateException("No encoder for multipart operation " + operation.id());
        }
    }
}
