package io.github.camelkapso.simulator.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.messaging.SendErrors;

/**
 * The request-body rules of Kapso's published OpenAPI descriptions, kept as data
 * ({@code kapso-request-schemas.json}, built by tools/simulator/import_schemas.py) and applied before a handler runs.
 */
public final class RequestSchemas {

    private static final String RESOURCE = "/io/github/camelkapso/simulator/kapso-request-schemas.json";

    private final JsonNode schemas;
    private final SchemaValidator validator = new SchemaValidator();

    public RequestSchemas() {
        try (InputStream in = RequestSchemas.class.getResourceAsStream(RESOURCE)) {
            schemas = new ObjectMapper().readTree(in).path("operations");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean has(String operationId) {
        return schemas.has(operationId);
    }

    /** Throws the documented validation error when the body breaks a published rule. */
    public void check(SimRequest request) {
        check(request, null);
    }

    /** As {@link #check(SimRequest)}, answering a violation through {@code renderer} when one is given. */
    public void check(SimRequest request, io.github.camelkapso.simulator.ops.InvalidBodyRenderer renderer) {
        JsonNode schema = schemas.get(request.operation().id());
        if (schema == null) {
            return;
        }
        SchemaValidator.Violation v = validator.validate(schema, request.json(), "");
        if (v != null) {
            String field = v.field().isEmpty() ? "body" : v.field();
            // Meta answers a malformed message with its send codes (131008 missing, 131009 invalid), not code 100.
            throw request.operation().isMessageSend() ? SendErrors.schemaViolation(field, v.rule())
                    : ApiError.invalid(request.operation(), field, v.rule());
        }
    }

    public SchemaValidator validator() {
        return validator;
    }
}
