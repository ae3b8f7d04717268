package io.github.camelkapso.event;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code whatsapp.message.sent}, {@code .delivered}, {@code .read} or {@code .failed}: what happened to a message the
 * business sent. For a Kapso webhook {@code message} is the message with its status history; for a Meta-forwarded
 * status it is null and the status fields come from Meta's status object.
 *
 * @param status sent, delivered, read or failed
 * @param errors why it failed (empty unless failed)
 */
public record MessageStatus(String type, String status, String messageId, String recipientId, WhatsAppMessage message,
                            Conversation conversation, String phoneNumberId, List<StatusError> errors, JsonNode raw)
        implements KapsoEvent {

    static MessageStatus fromKapso(String type, JsonNode payload) {
        JsonNode messageNode = Json.container(payload, "message");
        WhatsAppMessage message = WhatsAppMessage.of(messageNode);
        List<JsonNode> history = Json.array(messageNode, "kapso", "statuses");
        JsonNode latest = history.isEmpty() ? null : history.get(history.size() - 1);
        String status = Json.firstText(message == null ? null : message.status(), Json.text(latest, "status"),
                suffixOf(type));
        return new MessageStatus(type, status, message == null ? Json.text(latest, "id") : message.id(),
                Json.firstText(Json.text(latest, "recipient_id"), message == null ? null : message.to()), message,
                Conversation.of(payload), KapsoEvents.phoneNumberIdOf(payload), errorsOf(history), payload);
    }

    static MessageStatus fromMeta(String type, JsonNode value) {
        JsonNode status = Json.at(value, "statuses").path(0);
        return new MessageStatus(type, Json.text(status, "status"), Json.text(status, "id"),
                Json.text(status, "recipient_id"), null, null, Json.text(value, "metadata", "phone_number_id"),
                StatusError.allOf(status), value);
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
