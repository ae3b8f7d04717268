package io.github.camelkapso.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where resource handlers report what happened; the webhook dispatcher turns it into deliveries. */
public interface SimEvents {

    /**
     * @param eventType      e.g. whatsapp.message.received
     * @param phoneNumberId  the number the event belongs to, or null for a project event
     * @param conversationId the conversation, for ordering and buffering, or null
     * @param payload        the v2 payload
     */
    void emit(String eventType, String phoneNumberId, String conversationId, ObjectNode payload);

    SimEvents NONE = (type, phone, conversation, payload) -> {
    };
}
