package io.github.camelkapso.producer.body;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.github.camelkapso.error.KapsoRequestException;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;

/**
 * Reads whatever a route put in the body (Map, POJO, JsonNode, JSON text or bytes) as a JSON tree. JSON text and trees
 * go out as given. Java objects go out in Kapso's wire naming: POJO and record properties in snake_case
 * ({@code previewUrl} becomes {@code preview_url}, an explicit {@code @JsonProperty} name is kept), null properties
 * left out; Map keys are never renamed and Map entries are kept as given, nulls included, wherever the Map sits.
 */
final class JsonBodies {

    private final ObjectMapper mapper;
    /** Strict: text after the first JSON value is an error, not silently dropped. */
    private final ObjectReader strict;
    private final ObjectMapper objects;

    JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
        this.strict = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // NON_NULL for properties, ALWAYS for Map contents: a null in a Map may mean "clear this field" to Kapso
        this.objects = mapper.copy()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.ALWAYS));
    }

    /**
     * The message body as JSON. Files (including a file consumer's GenericFile), paths, readers and char sequences are
     * read for their content first: Jackson would otherwise serialise the file object itself.
     */
    JsonNode toTree(String operationId, Message message) {
        Object body = message.getBody();
        try {
            if (body instanceof WrappedFile<?> || body instanceof File || body instanceof Path || body instanceof ByteBuffer) {
                body = message.getMandatoryBody(byte[].class);
            } else if (body instanceof Reader || body instanceof CharSequence && !(body instanceof String)) {
                body = message.getMandatoryBody(String.class);
            }
        } catch (InvalidPayloadException e) {
            throw new KapsoRequestException("The body of " + operationId + " cannot be read: " + e.getMessage(), e);
        }
        return toTree(operationId, body);
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
                return text.isBlank() ? mapper.createObjectNode() : strict.readTree(text);
            }
            if (body instanceof byte[] bytes) {
                return bytes.length == 0 ? mapper.createObjectNode() : strict.readTree(bytes);
            }
            if (body instanceof InputStream in) {
                JsonNode node = strict.readTree(in);
                return node == null || node.isMissingNode() ? mapper.createObjectNode() : node;
            }
            return objects.valueToTree(body);
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
