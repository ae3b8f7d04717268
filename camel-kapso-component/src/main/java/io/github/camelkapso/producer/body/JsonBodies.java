package io.github.camelkapso.producer.body;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.error.KapsoRequestException;

/** Reads whatever a route put in the body (Map, POJO, JsonNode, JSON text or bytes) as a JSON tree. */
final class JsonBodies {

    private final ObjectMapper mapper;

    JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    JsonNode toTree(String operationId, Object body) {
        try {
            if (body == null) {
                return mapper.createObjectNode();
            }
            if (body instanceof JsonNode node) {
                return node;
            }
            if (body instanceof String text) {
                return text.isBlank() ? mapper.createObjectNode() : mapper.readTree(text);
            }
            if (body instanceof byte[] bytes) {
                return bytes.length == 0 ? mapper.createObjectNode() : mapper.readTree(bytes);
            }
            if (body instanceof InputStream in) {
                return mapper.readTree(in);
            }
            return mapper.valueToTree(body);
        } catch (JsonProcessingException e) {
            throw new KapsoRequestException("The body of " + operationId + " must be JSON (a Map, a POJO, a JsonNode or JSON text): "
                                            + e.getOriginalMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw new KapsoRequestException("The body of " + operationId + " cannot be read as JSON: " + e.getMessage(), e);
        }
    }

    byte[] toBytes(JsonNode node) throws JsonProcessingException {
        return mapper.writeValueAsBytes(node);
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
