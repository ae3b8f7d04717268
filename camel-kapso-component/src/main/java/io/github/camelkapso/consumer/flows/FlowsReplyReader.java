package io.github.camelkapso.consumer.flows;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.util.Locale;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;

/**
 * Reads the route's reply (Map, JsonNode, POJO, JSON text or bytes) as a Flows response: a JSON object with a
 * {@code data} object, as every response WhatsApp accepts has ({@code {"screen":"NEXT","data":{...}}},
 * {@code {"screen":"SUCCESS","data":{"extension_message_response":...}}}, {@code {"data":{...}}}).
 */
final class FlowsReplyReader {

    /** Why a reply cannot be sent; the message names the rule, never the content. */
    static final class InvalidReplyException extends Exception {

        private static final long serialVersionUID = 1L;

        InvalidReplyException(String message) {
            super(message);
        }
    }

    private final ObjectMapper mapper;
    private final ObjectReader strict;

    FlowsReplyReader(ObjectMapper mapper) {
        this.mapper = mapper;
        this.strict = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * @param request the body the route was given: a reply that is still that very object means the route set none
     */
    byte[] read(Message reply, Object request) throws InvalidReplyException {
        Object body = reply.getBody();
        if (body == null) {
            throw new InvalidReplyException("the route left no reply body");
        }
        if (body == request) {
            throw new InvalidReplyException("the route left the request as the body");
        }
        JsonNode json = toTree(reply, body);
        if (json == null || json.isMissingNode()) {
            throw new InvalidReplyException("the reply body is empty");
        }
        if (!json.isObject()) {
            throw new InvalidReplyException("the reply is a JSON " + json.getNodeType().name().toLowerCase(Locale.ROOT)
                                            + ", not an object");
        }
        JsonNode data = json.get("data");
        if (data == null || !data.isObject()) {
            throw new InvalidReplyException("the reply has no \"data\" object (fields: " + fieldNames(json) + ")");
        }
        try {
            return mapper.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new InvalidReplyException("the reply cannot be written as JSON: " + e.getClass().getSimpleName());
        }
    }

    private JsonNode toTree(Message reply, Object body) throws InvalidReplyException {
        try {
            if (body instanceof JsonNode node) {
                return node;
            }
            if (body instanceof InputStream || body instanceof ByteBuffer) {
                body = reply.getMandatoryBody(byte[].class);
            } else if (body instanceof Reader || body instanceof CharSequence && !(body instanceof String)) {
                body = reply.getMandatoryBody(String.class);
            }
            if (body instanceof byte[] bytes) {
                return strict.readTree(bytes);
            }
            if (body instanceof String text) {
                return strict.readTree(text);
            }
            return mapper.valueToTree(body);
        } catch (IOException | IllegalArgumentException | InvalidPayloadException e) {
            throw new InvalidReplyException("the reply (" + body.getClass().getName() + ") is not JSON: "
                                            + e.getClass().getSimpleName());
        }
    }

    private static String fieldNames(JsonNode json) {
        StringBuilder names = new StringBuilder("[");
        json.fieldNames().forEachRemaining(n -> names.append(names.length() > 1 ? ", " : "").append(n));
        return names.append(']').toString();
    }
}
