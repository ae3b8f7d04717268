package io.github.camelkapso.producer.body;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.client.EncodedBody;
import io.github.camelkapso.error.KapsoRequestException;
import org.apache.camel.Exchange;

/** {@code uploadFlowJson}: the Flow JSON as the {@code flow.json} asset of type {@code FLOW_JSON}. */
final class FlowJsonUploadEncoder implements RequestBodyEncoder {

    private final JsonBodies bodies;

    FlowJsonUploadEncoder(JsonBodies bodies) {
        this.bodies = bodies;
    }

    @Override
    public EncodedBody encode(KapsoOperation operation, Exchange exchange) throws Exception {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            throw new KapsoRequestException("uploadFlowJson needs the Flow JSON in the body");
        }
        JsonNode flow = bodies.toTree(operation.id(), exchange.getMessage());
        if (!flow.isObject() || !flow.has("screens")) {
            throw new KapsoRequestException("uploadFlowJson: the Flow JSON must be an object with a screens array");
        }
        return new MultipartBody()
                .field("name", "flow.json")
                .field("asset_type", "FLOW_JSON")
                .file("file", "flow.json", "application/json", bodies.toBytes(flow))
                .build();
    }
}
