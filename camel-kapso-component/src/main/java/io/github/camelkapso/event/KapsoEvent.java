package io.github.camelkapso.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event Kapso delivered to a webhook, typed by its event name. Every event keeps the payload it was read from
 * ({@link #raw()}), so a field the model does not name is never lost; an event type the model does not know becomes an
 * {@link UnknownEvent} rather than an error.
 * <p>
 * Build one with {@link KapsoEvents#parse(String, JsonNode)}, or in a route with
 * {@code .convertBodyTo(KapsoEvent.class)} (or a concrete type such as {@code MessageReceived.class}) on an exchange
 * from {@code kapso:webhook}.
 */
public sealed interface KapsoEvent
        permits MessageReceived, MessageStatus, MessageEcho, ConversationEvent, WorkflowExecutionEvent, PhoneNumberEvent, ProjectEvent,
        UnknownEvent {

    /** The event name, e.g. {@code whatsapp.message.received}; {@value KapsoEvents#UNKNOWN_TYPE} when none was given. */
    String type();

    /** The event payload as delivered (one item of a batch, or one item of a Meta-forwarded change). */
    JsonNode raw();
}
