package io.github.camelkapso.connectors.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.event.KapsoEvent;
import io.github.camelkapso.event.KapsoEvents;
import io.github.camelkapso.event.MessageEcho;
import io.github.camelkapso.event.MessageReceived;
import io.github.camelkapso.event.MessageStatus;
import io.github.camelkapso.event.MetaItem;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Reads the events of an exchange, each with its key. The body may be one event ({@link KapsoEvent}, or its JSON as
 * the {@code kapso:webhook} consumer delivers it), a whole unsplit delivery ({@code splitBatch=false}: a Kapso batch
 * or a Meta webhook body), or a list of events or of exchanges (what an aggregator gathers). A single event keeps the
 * consumer's {@code CamelKapsoIdempotencyKey}; items of a delivery get the keys the consumer would have given them.
 */
final class ExchangeEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ExchangeEvents() {
    }

    static List<KeyedEvent> of(Exchange exchange) {
        Message in = exchange.getMessage();
        Object body = in.getBody();
        String key = in.getHeader(KapsoConstants.IDEMPOTENCY_KEY, String.class);
        if (body instanceof Collection<?> items) {
            List<KeyedEvent> events = new ArrayList<>(items.size());
            for (Object item : items) {
                if (item instanceof Exchange inner) {
                    events.addAll(of(inner));
                } else {
                    KapsoEvent event = item instanceof KapsoEvent e ? e : KapsoEvents.parse(null, tree(item));
                    events.add(new KeyedEvent(event, ownKey(event)));
                }
            }
            return events;
        }
        if (body instanceof KapsoEvent event) {
            return List.of(new KeyedEvent(event, key != null ? key : ownKey(event)));
        }
        JsonNode payload = tree(body);
        String version = in.getHeader(KapsoConstants.PAYLOAD_VERSION, String.class);
        if (KapsoEvents.isBatch(payload)) {
            return batch(payload, version, key != null ? key : deliveryKey(exchange, payload));
        }
        if (isMetaBody(payload)) {
            return meta(payload, key != null ? key : deliveryKey(exchange, payload));
        }
        KapsoEvent event = KapsoEvents.parse(in.getHeader(KapsoConstants.EVENT_TYPE, String.class), version, payload);
        return List.of(new KeyedEvent(event, key != null ? key : ownKey(event)));
    }

    private static List<KeyedEvent> batch(JsonNode batch, String version, String deliveryKey) {
        String type = batch.path("type").isTextual() ? batch.path("type").asText() : null;
        JsonNode data = batch.path("data");
        List<KeyedEvent> events = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            KapsoEvent event = KapsoEvents.parse(type, version, data.get(i));
            events.add(new KeyedEvent(event, EventKeys.ofKapso(event.type(), data.get(i), deliveryKey + "#" + i)));
        }
        return events;
    }

    private static List<KeyedEvent> meta(JsonNode body, String deliveryKey) {
        List<MetaItem> items = MetaItem.allOf(body);
        List<KeyedEvent> events = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            MetaItem item = items.get(i);
            KapsoEvent event = KapsoEvents.parse(item.type(), item.value());
            events.add(new KeyedEvent(event, EventKeys.ofMeta(item, items.size() > 1 ? deliveryKey + "#" + i : deliveryKey)));
        }
        return events;
    }

    /** The key of an event handed over on its own, without the consumer's header. */
    private static String ownKey(KapsoEvent event) {
        String fallback = "event:" + sha256(event.raw().toString().getBytes(StandardCharsets.UTF_8));
        JsonNode raw = event.raw();
        if (!raw.isObject()) {
            return fallback;
        }
        if (isMetaValue(raw)) {
            String messageId = event instanceof MessageReceived r && r.message() != null ? r.message().id()
                    : event instanceof MessageEcho e && e.message() != null ? e.message().id()
                    : event instanceof MessageStatus s ? s.messageId() : null;
            return messageId != null ? "message:" + messageId + ":" + event.type() : fallback;
        }
        return EventKeys.ofKapso(event.type(), raw, fallback);
    }

    /** The consumer's key of a whole delivery: from the signed bytes when the exchange still has them. */
    private static String deliveryKey(Exchange exchange, JsonNode payload) {
        byte[] raw = exchange.getProperty(KapsoConstants.RAW_BODY, byte[].class);
        return "delivery:" + sha256(raw != null ? raw : payload.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isMetaBody(JsonNode payload) {
        return "whatsapp_business_account".equals(payload.path("object").asText(null)) && payload.path("entry").isArray();
    }

    /** What the event model reads as a Meta change value (KapsoEvents does the same). */
    private static boolean isMetaValue(JsonNode payload) {
        return payload.has("messaging_product") || payload.has("message_echoes")
               || payload.path("metadata").has("phone_number_id") && !payload.has("message") && !payload.has("conversation");
    }

    private static JsonNode tree(Object body) {
        try {
            if (body instanceof JsonNode node) {
                return node;
            }
            if (body instanceof Map<?, ?> map) {
                return MAPPER.valueToTree(map);
            }
            if (body instanceof String text) {
                return MAPPER.readTree(text);
            }
            if (body instanceof byte[] bytes) {
                return MAPPER.readTree(bytes);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The exchange body is not a JSON Kapso event: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("The exchange body could not be read as JSON", e);
        }
        throw new IllegalArgumentException("The exchange body must be a KapsoEvent, a list of them, or an event as JSON"
                                           + " (Map, JsonNode, String or byte[]) as kapso:webhook delivers it; it is "
                                           + (body == null ? "empty" : "a " + body.getClass().getName()));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
