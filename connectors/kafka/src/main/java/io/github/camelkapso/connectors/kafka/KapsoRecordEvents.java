package io.github.camelkapso.connectors.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.camelkapso.event.KapsoEvent;
import io.github.camelkapso.event.KapsoEvents;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Reads a Kapso event record back into the typed event: the value is the event's JSON, the {@code kapso-event-type}
 * and {@code kapso-payload-version} headers say how to read it (without them the type is derived from the payload, which
 * cannot tell a conversation created from one ended). Shared by {@link KapsoEventDeserializer} and the type converter.
 */
public final class KapsoRecordEvents {

    private static final ObjectReader STRICT = new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private KapsoRecordEvents() {
    }

    /**
     * @throws KapsoEventSerializationException when the value is not one event's JSON object
     * @throws KapsoBatchBodyException          when the value is a whole batch
     */
    public static KapsoEvent read(byte[] value, String eventType, String payloadVersion) {
        JsonNode payload;
        try {
            payload = value == null || value.length == 0 ? null : STRICT.readTree(value);
        } catch (IOException e) {
            throw new KapsoEventSerializationException("The record value is not valid JSON (" + e.getClass().getSimpleName()
                    + "): a Kapso event record holds one event's JSON object", e);
        }
        if (payload == null || payload.isMissingNode()) {
            throw new KapsoEventSerializationException("The record value is empty: a Kapso event record holds one event's"
                    + " JSON object");
        }
        if (KapsoEvents.isBatch(payload)) {
            throw new KapsoBatchBodyException("The record value is a batch of " + payload.path("data").size()
                    + " Kapso events, not one event: a Kapso event record holds exactly one");
        }
        if (!payload.isObject()) {
            throw new KapsoEventSerializationException("The record value is JSON " + payload.getNodeType().name().toLowerCase()
                    + ", not an object: a Kapso event record holds one event's JSON object");
        }
        return KapsoEvents.parse(blankToNull(eventType), blankToNull(payloadVersion), payload);
    }

    /** {@link #read(byte[], String, String)} with the type and version read from the record's headers. */
    public static KapsoEvent read(byte[] value, Headers headers) {
        return read(value, header(headers, KapsoRecordHeaders.EVENT_TYPE), header(headers, KapsoRecordHeaders.PAYLOAD_VERSION));
    }

    /** The last value of a record header as UTF-8 text, or null. */
    public static String header(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A header value as camel-kafka's consumer leaves it (bytes by default, text with a header deserializer). */
    static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
