package io.github.camelkapso.event;

import com.fasterxml.jackson.databind.JsonNode;

/** A reaction to a message; an empty {@code emoji} means the reaction was removed. */
public record Reaction(String messageId, String emoji) {

    static Reaction of(JsonNode message) {
        JsonNode reaction = Json.container(message, "reaction");
        return reaction == null ? null : new Reaction(Json.text(reaction, "message_id"), Json.text(reaction, "emoji"));
    }
}
