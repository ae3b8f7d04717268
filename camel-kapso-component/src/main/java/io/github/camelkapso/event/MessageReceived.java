package io.github.camelkapso.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code whatsapp.message.received}: a customer wrote to a Kapso number (also a message Meta forwarded through a
 * {@code meta} webhook, where {@code conversation} is null).
 *
 * @param newConversation whether this message opened a new Kapso conversation
 * @param contactName     the customer's WhatsApp profile name, when known
 */
public record MessageReceived(String type, WhatsAppMessage message, Conversation conversation, boolean newConversation,
                              String phoneNumberId, String contactName, JsonNode raw) implements KapsoEvent {

    static MessageReceived fromKapso(String type, JsonNode payload) {
        Conversation conversation = Conversation.of(payload);
        return new MessageReceived(type, WhatsAppMessage.fromKapso(Json.container(payload, "message")), conversation,
                Json.flag(payload, "is_new_conversation"), KapsoEvents.phoneNumberIdOf(payload),
                conversation == null ? null : conversation.contactName(), payload);
    }

    static MessageReceived fromMeta(String type, JsonNode value) {
        return new MessageReceived(type,
                WhatsAppMessage.fromMeta(Json.at(value, "messages").path(0), Json.at(value, "metadata"), false), null,
                false, Json.text(value, "metadata", "phone_number_id"),
                Json.text(Json.at(value, "contacts").path(0), "profile", "name"), value);
    }
}
