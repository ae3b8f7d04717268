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

    /**
     * Whether an event of this type on this number could reach anyone now. Emitters of frequent events (message
     * statuses) ask first and skip building the payload snapshot when it could not.
     */
    default boolean heard(String eventType, String phoneNumberId) {
        return true;
    }

    SimEvents NONE = (type, phone, conversation, payload) -> {
    };
}
