package io.github.camelkapso.event;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.KapsoConstants;
import org.apache.camel.Converter;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.spi.TypeConverterRegistry;

/**
 * Lets a route write {@code .convertBodyTo(KapsoEvent.class)} or {@code .convertBodyTo(MessageReceived.class)} on a
 * {@code kapso:webhook} exchange. The body may be the event Map the consumer delivers, a Jackson tree, or JSON text or
 * bytes; the event name and payload version come from the {@code CamelKapsoEventType} and
 * {@code CamelKapsoPayloadVersion} headers when present.
 */
@Converter(generateLoader = true)
public final class KapsoEventConverter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KapsoEventConverter() {
    }

    @Converter(fallback = true)
    public static Object convertTo(Class<?> type, Exchange exchange, Object value, TypeConverterRegistry registry) {
        if (!KapsoEvent.class.isAssignableFrom(type) || value instanceof KapsoEvent && !type.isInstance(value)) {
            return null;
        }
        if (type.isInstance(value)) {
            return value;
        }
        JsonNode payload = toTree(value);
        if (payload == null) {
            return null;
        }
        if (KapsoEvents.isBatch(payload)) {
            throw new TypeConversionException(value, type, new IllegalArgumentException(
                    "The body is a batch of " + payload.path("data").size() + " Kapso events (splitBatch=false), not one"
                    + " event: read it with KapsoEvents.parseBatch, or let the consumer split it"));
        }
        String eventType = exchange == null ? null : exchange.getMessage().getHeader(KapsoConstants.EVENT_TYPE, String.class);
        String version = exchange == null ? null : exchange.getMessage().getHeader(KapsoConstants.PAYLOAD_VERSION, String.class);
        KapsoEvent event = KapsoEvents.parse(eventType, version, payload);
        if (!type.isInstance(event)) {
            throw new TypeConversionException(value, type, new IllegalArgumentException(
                    "The Kapso event is " + event.type() + " (" + event.getClass().getSimpleName() + "), not a "
                    + type.getSimpleName()));
        }
        return event;
    }

    private static JsonNode toTree(Object value) {
        try {
            if (value instanceof JsonNode node) {
                return node;
            }
            if (value instanceof Map<?, ?> map) {
                return MAPPER.valueToTree(map);
            }
            if (value instanceof String text) {
                return MAPPER.readTree(text);
            }
            if (value instanceof byte[] bytes) {
                return MAPPER.readTree(bytes);
            }
        } catch (IOException e) {
            throw new TypeConversionException(value, KapsoEvent.class, e);
        }
        return null;
    }
}
