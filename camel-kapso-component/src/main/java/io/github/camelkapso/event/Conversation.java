package io.github.camelkapso.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Kapso conversation an event belongs to.
 *
 * @param phoneNumber the customer's number (E.164), null for users known only by their business-scoped id
 * @param status      active or ended
 * @param contactName the customer's WhatsApp profile name, when Kapso sent it
 */
public record Conversation(String id, String phoneNumber, String status, String phoneNumberId, String contactName,
                           String lastActiveAt, String createdAt, String updatedAt, JsonNode metadata, JsonNode raw) {

    static Conversation of(JsonNode payload) {
        JsonNode conversation = Json.container(payload, "conversation");
        if (conversation == null) {
            return null;
        }
        return new Conversation(Json.text(conversation, "id"), Json.text(conversation, "phone_number"),
                Json.text(conversation, "status"), Json.text(conversation, "phone_number_id"),
                Json.text(conversation, "kapso", "contact_name"), Json.text(conversation, "last_active_at"),
                Json.text(conversation, "created_at"), Json.text(conversation, "updated_at"),
                Json.container(conversation, "metadata"), conversation);
    }
}
