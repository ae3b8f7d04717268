package io.github.camelkapso.connectors.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkapso.event.MetaItem;

/**
 * The idempotency key of an event that came without its own {@code CamelKapsoIdempotencyKey} header (an item of an
 * unsplit batch), built by the same rules as the webhook consumer's, so that a delivery written split and one written
 * whole give the same keys: {@code message:<wamid>:<event>}, {@code conversation:<id>:<event>} (with the anchor
 * message for inactivity), {@code workflow:<execution id>:<event>}, else the delivery's key with {@code #<index>}.
 */
final class EventKeys {

    private EventKeys() {
    }

    /** The key of one Kapso-kind payload, or {@code fallback} when it carries no stable id. */
    static String ofKapso(String type, JsonNode payload, String fallback) {
        String messageId = text(payload.path("message").path("id"));
        if (messageId != null && type.startsWith("whatsapp.message.")) {
            return "message:" + messageId + ":" + type;
        }
        String conversationId = text(payload.path("conversation").path("id"));
        if (conversationId != null && type.startsWith("whatsapp.conversation.")) {
            String key = "conversation:" + conversationId + ":" + type;
            if ("whatsapp.conversation.inactive".equals(type)) {
                JsonNode since = payload.path("since_message");
                String anchor = text(since.path("id")) != null ? text(since.path("id")) : text(since.path("created_at"));
                key += ":" + (anchor != null ? anchor : text(payload.path("conversation").path("last_active_at")));
            }
            return key;
        }
        String executionId = text(payload.path("workflow_execution_id"));
        if (executionId != null && type.startsWith("workflow.execution.")) {
            return "workflow:" + executionId + ":" + type;
        }
        return fallback;
    }

    /** The key of one item of a Meta webhook body: its message (or status) id with its event, else {@code fallback}. */
    static String ofMeta(MetaItem item, String fallback) {
        return item.messageId() != null ? "message:" + item.messageId() + ":" + item.type() : fallback;
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
