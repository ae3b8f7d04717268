package io.github.camelkapso.connectors.kafka;

import io.github.camelkapso.KapsoConstants;
import org.apache.camel.Message;

/**
 * What the {@code kapso:webhook} consumer said about an event on its {@code CamelKapso*} headers. The idempotency key
 * and payload version come only from here; the ids are a fallback for an event whose payload does not carry them.
 *
 * @param idempotencyKey the key the consumer de-duplicates on, or null
 * @param payloadVersion v2 or v1, or null (Meta-forwarded deliveries)
 */
public record DeliveryFacts(String idempotencyKey, String payloadVersion, String conversationId, String phoneNumberId,
                            String messageId) {

    /** No facts: an event that did not come from the webhook consumer. */
    public static final DeliveryFacts NONE = new DeliveryFacts(null, null, null, null, null);

    /** The facts on a message from {@code kapso:webhook}; null fields for headers it does not carry. */
    public static DeliveryFacts of(Message message) {
        return new DeliveryFacts(text(message, KapsoConstants.IDEMPOTENCY_KEY), text(message, KapsoConstants.PAYLOAD_VERSION),
                text(message, KapsoConstants.CONVERSATION_ID), text(message, KapsoConstants.PHONE_NUMBER_ID),
                text(message, KapsoConstants.MESSAGE_ID));
    }

    private static String text(Message message, String header) {
        String value = message.getHeader(header, String.class);
        return value == null || value.isBlank() ? null : value;
    }
}
