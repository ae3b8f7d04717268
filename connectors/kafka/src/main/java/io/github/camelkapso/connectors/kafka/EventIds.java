package io.github.camelkapso.connectors.kafka;

import io.github.camelkapso.event.Conversation;
import io.github.camelkapso.event.ConversationEvent;
import io.github.camelkapso.event.KapsoEvent;
import io.github.camelkapso.event.MessageEcho;
import io.github.camelkapso.event.MessageReceived;
import io.github.camelkapso.event.MessageStatus;
import io.github.camelkapso.event.PhoneNumberEvent;
import io.github.camelkapso.event.ProjectEvent;
import io.github.camelkapso.event.WhatsAppMessage;
import io.github.camelkapso.event.WorkflowExecutionEvent;

/** The ids a typed event carries in its own payload; null where it has none. */
final class EventIds {

    private EventIds() {
    }

    static String conversationId(KapsoEvent event) {
        if (event instanceof MessageReceived received) {
            return idOf(received.conversation());
        }
        if (event instanceof MessageStatus status) {
            return idOf(status.conversation());
        }
        if (event instanceof ConversationEvent conversation) {
            return idOf(conversation.conversation());
        }
        if (event instanceof WorkflowExecutionEvent workflow) {
            return workflow.conversationId();
        }
        if (event instanceof ProjectEvent project) {
            return project.conversationId();
        }
        return null;
    }

    static String messageId(KapsoEvent event) {
        if (event instanceof MessageReceived received) {
            return idOf(received.message());
        }
        if (event instanceof MessageStatus status) {
            return status.messageId();
        }
        if (event instanceof MessageEcho echo) {
            return idOf(echo.message());
        }
        return null;
    }

    static String phoneNumberId(KapsoEvent event) {
        if (event instanceof MessageReceived received) {
            return received.phoneNumberId();
        }
        if (event instanceof MessageStatus status) {
            return status.phoneNumberId();
        }
        if (event instanceof MessageEcho echo) {
            return echo.phoneNumberId();
        }
        if (event instanceof ConversationEvent conversation) {
            return conversation.phoneNumberId();
        }
        if (event instanceof PhoneNumberEvent phoneNumber) {
            return phoneNumber.phoneNumberId();
        }
        return null;
    }

    private static String idOf(Conversation conversation) {
        return conversation == null ? null : conversation.id();
    }

    private static String idOf(WhatsAppMessage message) {
        return message == null ? null : message.id();
    }
}
