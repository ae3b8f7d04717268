package io.github.camelkapso.consumer.webhook;

import com.fasterxml.jackson.databind.JsonNode;

/** The ids a v2 payload carries, for the CamelKapso* headers. Null when absent. */
final class PayloadIds {

    private PayloadIds() {
    }

    static String phoneNumberId(JsonNode payload) {
        return first(payload.path("phone_number_id"), payload.path("conversation").path("phone_number_id"),
                payload.path("message").path("kapso").path("phone_number_id"));
    }

    static String conversationId(JsonNode payload) {
        return first(payload.path("conversation").path("id"), payload.path("whatsapp_conversation_id"),
                payload.path("conversation_id"));
    }

    static String messageId(JsonNode payload) {
        return first(payload.path("message").path("id"));
    }

    /** A non-blank text value, else null. */
    static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static String first(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate.isTextual() && !candidate.asText().isEmpty()) {
                return candidate.asText();
            }
        }
        return null;
    }
}
