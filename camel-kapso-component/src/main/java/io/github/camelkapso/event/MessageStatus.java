package io.github.camelkapso.event;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code whatsapp.message.sent}, {@code .delivered}, {@code .read} or {@code .failed}: what happened to a message the
 * business sent. For a Kapso webhook {@code message} is the message with its status history, and the fields Meta's
 * status object carries come from the latest entry of that history; for a Meta-forwarded status {@code message} is
 * null and they come from the status itself.
 *
 * @param status             sent, delivered, read or failed
 * @param timestamp          when WhatsApp recorded the status
 * @param errors             why it failed (empty unless failed)
 * @param conversationWindow the conversation Meta billed the message in, when Meta says
 * @param pricing            how Meta priced the message, when Meta says
 */
public record MessageStatus(String type, String status, String messageId, String recipientId, Instant timestamp,
                            WhatsAppMessage message, Conversation conversation, String phoneNumberId,
                            List<StatusError> errors, ConversationWindow conversationWindow, Pricing pricing,
                            JsonNode raw) implements KapsoEvent {

    static MessageStatus fromKapso(String type, JsonNode payload) {
        JsonNode messageNode = Json.container(payload, "message");
        WhatsAppMessage message = WhatsAppMessage.fromKapso(messageNode);
        List<JsonNode> history = Json.array(messageNode, "kapso", "statuses");
        JsonNode latest = history.isEmpty() ? null : history.get(history.size() - 1);
        String status = Json.firstText(message == null ? null : message.status(), Json.text(latest, "status"),
                suffixOf(type));
        return new MessageStatus(type, status, message == null ? Json.text(latest, "id") : message.id(),
                Json.firstText(Json.text(latest, "recipient_id"), message == null ? null : message.to()),
                Json.epochSeconds(latest, "timestamp"), message, Conversation.of(payload),
                KapsoEvents.phoneNumberIdOf(payload), errorsOf(history), ConversationWindow.of(latest),
                Pricing.of(latest), payload);
    }

    static MessageStatus fromMeta(String type, JsonNode value) {
        JsonNode status = Json.at(value, "statuses").path(0);
        return new MessageStatus(type, Json.text(status, "status"), Json.text(status, "id"),
                Json.text(status, "recipient_id"), Json.epochSeconds(status, "timestamp"), null, null,
                Json.text(value, "metadata", "phone_number_id"), StatusError.allOf(status),
                ConversationWindow.of(status), Pricing.of(status), value);
    }

    public boolean failed() {
        return "failed".equals(status);
    }

    private static List<StatusError> errorsOf(List<JsonNode> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            List<StatusError> errors = StatusError.allOf(history.get(i));
            if (!errors.isEmpty()) {
                return errors;
            }
        }
        return List.of();
    }

    private static String suffixOf(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
    }
}
