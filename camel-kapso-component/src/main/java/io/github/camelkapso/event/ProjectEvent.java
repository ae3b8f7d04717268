package io.github.camelkapso.event;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code project.event}: a custom project event was recorded (the payload shape is not documented by Kapso). */
public record ProjectEvent(String type, String id, String name, String occurredAt, String conversationId,
                           JsonNode properties, JsonNode raw) implements KapsoEvent {

    static ProjectEvent of(String type, JsonNode payload) {
        return new ProjectEvent(type, Json.text(payload, "id"), Json.text(payload, "name"),
                Json.text(payload, "occurred_at"), Json.text(payload, "conversation_id"),
                Json.container(payload, "properties"), payload);
    }
}
