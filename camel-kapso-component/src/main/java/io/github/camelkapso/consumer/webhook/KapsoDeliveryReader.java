package io.github.camelkapso.consumer.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkapso.event.KapsoEvents;

/**
 * Turns a Kapso-kind delivery into events: the payload itself, or the items of a batch ({@code X-Webhook-Batch: true}
 * or {@code "batch": true}, items in {@code data}), one each when splitting. v1 payloads are passed as they are, with no
 * ids read from them.
 */
final class KapsoDeliveryReader {

    private final boolean split;

    KapsoDeliveryReader(boolean split) {
        this.split = split;
    }

    List<WebhookEvent> read(JsonNode body, DeliveryHeaders headers, String deliveryKey) throws MalformedDeliveryException {
        boolean v2 = !"v1".equalsIgnoreCase(headers.payloadVersion());
        boolean batch = headers.batch() || body.path("batch").asBoolean(false);
        if (!batch) {
            String type = headers.eventType() != null ? headers.eventType() : KapsoEvents.typeOf(body);
            return List.of(new WebhookEvent(type, Set.of(type), deliveryKey, body, null, null,
                    v2 ? PayloadIds.phoneNumberId(body) : null, v2 ? PayloadIds.conversationId(body) : null,
                    v2 ? PayloadIds.messageId(body) : null));
        }
        JsonNode data = body.get("data");
        if (data == null || !data.isArray()) {
            throw new MalformedDeliveryException("A batched delivery must carry its events in a data array");
        }
        String type = headers.eventType() != null ? headers.eventType()
                : body.path("type").isTextual() ? body.path("type").asText() : KapsoEvents.UNKNOWN_TYPE;
        int size = data.size();
        if (!split) {
            JsonNode first = data.path(0);
            String conversationId = body.path("batch_info").path("conversation_id").isTextual()
                    ? body.path("batch_info").path("conversation_id").asText() : PayloadIds.conversationId(first);
            return List.of(new WebhookEvent(type, Set.of(type), deliveryKey, body, null, size,
                    v2 ? PayloadIds.phoneNumberId(first) : null, v2 ? conversationId : null, null));
        }
        List<WebhookEvent> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            JsonNode item = data.get(i);
            events.add(new WebhookEvent(type, Set.of(type), deliveryKey + "#" + i, item, i, size,
                    v2 ? PayloadIds.phoneNumberId(item) : null, v2 ? PayloadIds.conversationId(item) : null,
                    v2 ? PayloadIds.messageId(item) : null));
        }
        return events;
    }
}
