package io.github.camelkapso.consumer.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkapso.event.KapsoEvents;

/**
 * The key an event is de-duplicated on, built from stable ids inside the signed payload, so that neither a changed
 * {@code X-Idempotency-Key} (it is not signed) nor Kapso re-delivering a failed batch's messages one by one (with new
 * keys) runs the route twice: {@code message:<wamid>:<event>} for message events, {@code conversation:<id>:<event>}
 * for conversation events (with the anchor message for inactivity, which recurs), {@code workflow:<execution>:<event>}
 * for workflow events. Anything else keeps the delivery's key, derived from its signed bytes.
 */
final class EventKeys {

    private EventKeys() {
    }

    static String of(String type, JsonNode payload, String deliveryKey) {
        String messageId = PayloadIds.text(payload.path("message").path("id"));
        if (messageId != null && type.startsWith("whatsapp.message.")) {
            return message(messageId, type);
        }
        String conversationId = PayloadIds.text(payload.path("conversation").path("id"));
        if (conversationId != null && type.startsWith("whatsapp.conversation.")) {
            String key = "conversation:" + conversationId + ":" + type;
            if (KapsoEvents.CONVERSATION_INACTIVE.equals(type)) {
                JsonNode since = payload.path("since_message");
                String anchor = PayloadIds.text(since.path("id")) != null ? PayloadIds.text(since.path("id"))
                        : PayloadIds.text(since.path("created_at"));
                key += ":" + (anchor != null ? anchor : PayloadIds.text(payload.path("conversation").path("last_active_at")));
            }
            return key;
        }
        String executionId = PayloadIds.text(payload.path("workflow_execution_id"));
        if (executionId != null && type.startsWith("workflow.execution.")) {
            return "workflow:" + executionId + ":" + type;
        }
        return deliveryKey;
    }

    /** The key of a Meta-forwarded item: the message id with its event (statuses included), else the delivery's. */
    static String ofMeta(WebhookEvent event) {
        return event.messageId() != null ? message(event.messageId(), event.type()) : event.idempotencyKey();
    }

    private static String message(String messageId, String type) {
        return "message:" + messageId + ":" + type;
    }
}
