package io.github.camelkapso.connectors.kafka;

import java.io.IOException;
import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.event.KapsoEvent;
import io.github.camelkapso.event.KapsoEvents;
import org.apache.camel.Message;

/**
 * Reads the body of an exchange as exactly one Kapso event: the event Map {@code kapso:webhook} delivers, a typed
 * {@link KapsoEvent}, a Jackson tree, or JSON text or bytes. Many events (a batch, a list) and anything that is not one
 * event's JSON object are refused with a typed exception.
 */
final class EventBody {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectReader STRICT = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private EventBody() {
    }

    static KapsoEvent read(Message message) {
        Object body = message.getBody();
        if (body instanceof KapsoEvent event) {
            refuseBatch(event.raw());
            return event;
        }
        JsonNode payload = tree(body);
        refuseBatch(payload);
        if (!payload.isObject()) {
            throw new KapsoEventSerializationException("The body is JSON " + payload.getNodeType().name().toLowerCase()
                    + ", not an object: a Kapso event record value is one event's JSON object");
        }
        String type = firstHeader(message, KapsoConstants.EVENT_TYPE, KapsoRecordHeaders.EVENT_TYPE);
        String version = firstHeader(message, KapsoConstants.PAYLOAD_VERSION, KapsoRecordHeaders.PAYLOAD_VERSION);
        return KapsoEvents.parse(type, version, payload);
    }

    private static JsonNode tree(Object body) {
        if (body == null) {
            throw new KapsoEventSerializationException("The body is empty: the record mapper needs one Kapso event");
        }
        if (body instanceof Collection<?> || body instanceof Iterator<?> || body instanceof Iterable<?>
            || body.getClass().isArray() && !(body instanceof byte[])) {
            throw new KapsoBatchBodyException("The body is a " + body.getClass().getSimpleName() + " of "
                    + sizeOf(body) + " items, not one Kapso event: one record carries one event, so split the body first"
                    + " (kapso:webhook does with splitBatch=true, its default)");
        }
        try {
            if (body instanceof JsonNode node) {
                return node;
            }
            if (body instanceof Map<?, ?> map) {
                return MAPPER.valueToTree(map);
            }
            if (body instanceof String text) {
                return parse(STRICT.readTree(text));
            }
            if (body instanceof byte[] bytes) {
                return parse(STRICT.readTree(bytes));
            }
        } catch (IOException e) {
            throw new KapsoEventSerializationException("The body is not valid JSON (" + e.getClass().getSimpleName()
                    + " at " + location(e) + "): a Kapso event record value is one event's JSON object", e);
        } catch (IllegalArgumentException e) {
            throw new KapsoEventSerializationException("The body (" + body.getClass().getName() + ") holds a value that"
                    + " cannot be written as JSON: " + e.getMessage(), e);
        }
        throw new KapsoEventSerializationException("The body is a " + body.getClass().getName() + ": the record mapper"
                + " reads a KapsoEvent, a Map, a Jackson JsonNode, or JSON as String or byte[]");
    }

    private static JsonNode parse(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            throw new KapsoEventSerializationException("The body is empty: the record mapper needs one Kapso event");
        }
        return node;
    }

    private static void refuseBatch(JsonNode payload) {
        if (KapsoEvents.isBatch(payload)) {
            throw new KapsoBatchBodyException("The body is a batch of " + payload.path("data").size() + " Kapso events,"
                    + " not one event: one record carries one event, so let kapso:webhook split batches (splitBatch=true,"
                    + " its default)");
        }
    }

    private static String firstHeader(Message message, String first, String second) {
        String value = message.getHeader(first, String.class);
        return value != null && !value.isBlank() ? value : message.getHeader(second, String.class);
    }

    private static String sizeOf(Object body) {
        if (body instanceof Collection<?> collection) {
            return String.valueOf(collection.size());
        }
        if (body.getClass().isArray()) {
            return String.valueOf(Array.getLength(body));
        }
        return "several";
    }

    private static String location(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException json && json.getLocation() != null) {
            return "line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
        }
        return "an unknown position";
    }
}
