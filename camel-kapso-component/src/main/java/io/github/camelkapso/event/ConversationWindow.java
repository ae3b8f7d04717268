package io.github.camelkapso.event;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The conversation Meta counted a message in, for billing (a status's {@code conversation}; not Kapso's
 * {@link Conversation}). Meta leaves it out of statuses priced per message.
 *
 * @param originType what opened it: marketing, utility, authentication, service, referral_conversion
 * @param expiresAt  when it ends (present on the sent status)
 */
public record ConversationWindow(String id, String originType, Instant expiresAt) {

    static ConversationWindow of(JsonNode status) {
        JsonNode conversation = Json.container(status, "conversation");
        if (conversation == null) {
            return null;
        }
        return new ConversationWindow(Json.text(conversation, "id"), Json.text(conversation, "origin", "type"),
                Json.epochSeconds(conversation, "expiration_timestamp"));
    }
}
