package io.github.camelkapso.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code whatsapp.conversation.created}, {@code .ended} or {@code .inactive}.
 *
 * @param inactivityMinutes the webhook's inactivity threshold (inactive only)
 * @param sinceMessageId    the WhatsApp id of the last message before the silence (inactive only)
 */
public record ConversationEvent(String type, Conversation conversation, String phoneNumberId, Integer inactivityMinutes,
                                String sinceMessageId, JsonNode raw) implements KapsoEvent {

    static ConversationEvent of(String type, JsonNode payload) {
        return new ConversationEvent(type, Conversation.of(payload), KapsoEvents.phoneNumberIdOf(payload),
                Json.integer(payload, "inactivity", "minutes"),
                Json.text(payload, "since_message", "whatsapp_message_id"), payload);
    }

    /** created, ended or inactive. */
    public String change() {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
