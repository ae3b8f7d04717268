package io.github.camelkapso.consumer.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns a Kapso-kind delivery into events: the payload itself, or the items of a batch, one each when splitting. What
 * the signed body says wins over the unsigned headers, and a header that contradicts it is refused: the batch shape is
 * the body's ({@code "batch": true} with its items in {@code data}), the event type is checked by
 * {@link SignedEventType}, and the payload version must match the body's shape. v1 payloads are passed as they are,
 * with no ids read from them.
 */
final class KapsoDeliveryReader {

    private final boolean split;

    KapsoDeliveryReader(boolean split) {
        this.split = split;
    }

    /** @param deliveryKey the key of the whole delivery, from its signed bytes */
    List<WebhookEvent> read(JsonNode body, DeliveryHeaders headers, String deliveryKey) throws MalformedDeliveryException {
        boolean batch = body.path("batch").asBoolean(false);
        if (headers.batch() && !batch) {
            throw new MalformedDeliveryException("X-Webhook-Batch says true but the signed body is not a batch"
                                                 + " (no \"batch\": true)");
        }
        if (!batch) {
            boolean v2 = checkVersion(headers, body);
            String type = SignedEventType.of(headers.eventType(), body);
            return List.of(new WebhookEvent(type, Set.of(type), EventKeys.of(type, body, deliveryKey), body, null, null,
                    v2 ? PayloadIds.phoneNumberId(body) : null, v2 ? PayloadIds.conversationId(body) : null,
                    v2 ? PayloadIds.messageId(body) : null));
        }
        JsonNode data = body.get("data");
        if (data == null || !data.isArray()) {
            throw new MalformedDeliveryException("A batched delivery must carry its events in a data array");
        }
        String type = SignedEventType.ofBatch(headers.eventType(), body);
        boolean v2 = true;
        for (JsonNode item : data) {
            v2 = checkVersion(headers, item) && v2;
            SignedEventType.of(type, item);
        }
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
            events.add(new WebhookEvent(type, Set.of(type), EventKeys.of(type, item, deliveryKey + "#" + i), item, i, size,
                    v2 ? PayloadIds.phoneNumberId(item) : null, v2 ? PayloadIds.conversationId(item) : null,
                    v2 ? PayloadIds.messageId(item) : null));
        }
        return events;
    }

    /**
     * True for a v2 payload. A v1 payload names its number in a nested {@code whatsapp_config}; a v2 one keeps Kapso's
     * message facts in {@code message.kapso}. The header may be absent, never contrary.
     */
    private static boolean checkVersion(DeliveryHeaders headers, JsonNode payload) throws MalformedDeliveryException {
        boolean v1Shape = payload.has("whatsapp_config") || payload.has("whatsapp_config_id");
        boolean v2Shape = payload.path("message").path("kapso").isObject();
        String declared = headers.payloadVersion();
        if ("v1".equalsIgnoreCase(declared) && v2Shape || "v2".equalsIgnoreCase(declared) && v1Shape) {
            throw new MalformedDeliveryException("X-Webhook-Payload-Version " + declared
                                                 + " does not match the signed body, which is a "
                                                 + (v1Shape ? "v1" : "v2") + " payload");
        }
        return declared == null ? !v1Shape : !"v1".equalsIgnoreCase(declared);
    }
}
