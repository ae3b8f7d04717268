package io.github.camelkapso.producer.body;

import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.catalog.KapsoOperation.MultipartForm;
import io.github.camelkapso.client.EncodedBody;

/** Picks the encoder of an operation: one per body kind, and for multipart one per form the catalog names. */
public final class RequestBodyEncoders {

    private final Map<MultipartForm, RequestBodyEncoder> multipart = new EnumMap<>(MultipartForm.class);
    private final RequestBodyEncoder json;
    private final RequestBodyEncoder none = (op, exchange) -> EncodedBody.NONE;

    public RequestBodyEncoders(ObjectMapper mapper) {
        JsonBodies bodies = new JsonBodies(mapper);
        this.json = new JsonBodyEncoder(bodies);
        multipart.put(MultipartForm.MEDIA, new MediaUploadEncoder());
        multipart.put(MultipartForm.FLOW_JSON, new FlowJsonUploadEncoder(bodies));
    }

    public RequestBodyEncoder forOperation(KapsoOperation operation) {
        switch (operation.body()) {
            case JSON:
                return json;
            case NONE:
                return none;
            default:
                RequestBodyEncoder form = multipart.get(operation.multipartForm());
                if (form == null) {
                    throw new IllegalStateException("No encoder for multipart operation " + operation.id());
                }
                return form;
        }
    }
}
