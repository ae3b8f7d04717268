package io.github.camelkapso.connectors.kafka;

import java.util.Locale;

import io.github.camelkapso.event.ConversationEvent;
import io.github.camelkapso.event.KapsoEvent;
import io.github.camelkapso.event.MessageEcho;
import io.github.camelkapso.event.MessageReceived;
import io.github.camelkapso.event.MessageStatus;

/** The family an event belongs to, which names its topic when a topic pattern is set ({@code {family}}). */
public enum EventFamily {

    /** A message a customer sent, or a business-app echo: {@link MessageReceived}, {@link MessageEcho}. */
    MESSAGE,
    /** What happened to a message the business sent: {@link MessageStatus}. */
    STATUS,
    /** A conversation created, ended or gone inactive: {@link ConversationEvent}. */
    CONVERSATION,
    /** Everything else: workflow, phone number and project events, and events of a type the model does not know. */
    OTHER;

    public static EventFamily of(KapsoEvent event) {
        if (event instanceof MessageReceived || event instanceof MessageEcho) {
            return MESSAGE;
        }
        if (event instanceof MessageStatus) {
            return STATUS;
        }
        if (event instanceof ConversationEvent) {
            return CONVERSATION;
        }
        return OTHER;
    }

    /** The name put in place of {@code {family}}: message, status, conversation or other. */
    public String topicName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
