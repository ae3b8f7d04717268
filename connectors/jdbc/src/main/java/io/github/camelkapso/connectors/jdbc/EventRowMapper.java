package io.github.camelkapso.connectors.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.camelkapso.event.Conversation;
import io.github.camelkapso.event.ConversationEvent;
import io.github.camelkapso.event.KapsoEvent;
import io.github.camelkapso.event.Media;
import io.github.camelkapso.event.MessageEcho;
import io.github.camelkapso.event.MessageReceived;
import io.github.camelkapso.event.MessageStatus;
import io.github.camelkapso.event.PhoneNumberEvent;
import io.github.camelkapso.event.ProjectEvent;
import io.github.camelkapso.event.StatusError;
import io.github.camelkapso.event.WhatsAppMessage;
import io.github.camelkapso.event.WorkflowExecutionEvent;

/**
 * Maps one typed event to its rows: always its {@code kapso_events} row (raw JSON included, unknown events too), and
 * the conversation, message and status rows it carries. A row that needs an id the event lacks is not written, and
 * the event's {@code mapping_notes} say so.
 */
final class EventRowMapper {

    private EventRowMapper() {
    }

    /**
     * @param payloadVersion the exchange's {@code CamelKapsoPayloadVersion}, or null
     * @param now            the time the rows are written, for {@code received_at} and {@code first_seen_at}
     */
    static List<Row> rows(KeyedEvent keyed, String payloadVersion, Instant now) {
        return new Mapping(keyed.idempotencyKey(), now).map(keyed.event(), payloadVersion);
    }

    private static final class Mapping {

        private final String key;
        private final Instant now;
        private final MappingNotes notes = new MappingNotes();
        private final List<Row> rows = new ArrayList<>(4);

        Mapping(String key, Instant now) {
            this.key = key;
            this.now = now;
        }

        List<Row> map(KapsoEvent event, String payloadVersion) {
            String model;
            String conversationId = null;
            String phoneNumberId = null;
            String wamid = null;
            if (event instanceof MessageReceived received) {
                model = "message_received";
                phoneNumberId = received.phoneNumberId();
                conversationId = conversation(received.conversation(), received.contactName(), null, phoneNumberId);
                wamid = message(received.message(), conversationId, phoneNumberId, "inbound");
            } else if (event instanceof MessageStatus status) {
                model = "message_status";
                phoneNumberId = status.phoneNumberId();
                conversationId = conversation(status.conversation(), null, null, phoneNumberId);
                if (status.message() != null) {
                    message(status.message(), conversationId, phoneNumberId, "outbound");
                }
                wamid = status(status, conversationId);
            } else if (event instanceof MessageEcho echo) {
                model = "message_echo";
                phoneNumberId = echo.phoneNumberId();
                wamid = message(echo.message(), null, phoneNumberId, "outbound");
            } else if (event instanceof ConversationEvent change) {
                model = "conversation";
                phoneNumberId = change.phoneNumberId();
                conversationId = conversation(change.conversation(), null,
                        "ended".equals(change.change()) ? "ended" : null, phoneNumberId);
            } else if (event instanceof WorkflowExecutionEvent workflow) {
                model = "workflow_execution";
                conversationId = workflow.conversationId();
            } else if (event instanceof PhoneNumberEvent number) {
                model = "phone_number";
                phoneNumberId = number.phoneNumberId();
            } else if (event instanceof ProjectEvent project) {
                model = "project";
                conversationId = project.conversationId();
            } else {
                model = "unknown";
            }
            rows.add(new RowBuilder(KapsoTables.EVENTS, key)
                    .set("idempotency_key", key)
                    .set("event_type", event.type())
                    .set("event_model", model)
                    .set("payload_version", payloadVersion)
                    .set("phone_number_id", phoneNumberId)
                    .set("conversation_id", conversationId)
                    .set("wamid", wamid)
                    .set("payload", event.raw().toString())
                    .set("mapping_notes", notes.text())
                    .set("received_at", now)
                    .build());
            return rows;
        }

        /** @return the conversation id, or null when there is no conversation row */
        private String conversation(Conversation conversation, String contactName, String impliedStatus,
                                    String phoneNumberId) {
            if (conversation == null) {
                return null;
            }
            if (conversation.id() == null) {
                notes.add("conversation.id is missing: no " + KapsoEventSchema.CONVERSATIONS_TABLE + " row");
                return null;
            }
            rows.add(new RowBuilder(KapsoTables.CONVERSATIONS, key)
                    .set("conversation_id", conversation.id())
                    .set("phone_number_id", conversation.phoneNumberId() != null ? conversation.phoneNumberId() : phoneNumberId)
                    .set("phone_number", conversation.phoneNumber())
                    .set("contact_name", conversation.contactName() != null ? conversation.contactName() : contactName)
                    .set("status", conversation.status() != null ? conversation.status() : impliedStatus)
                    .set("created_at", notes.isoTime("conversation.created_at", conversation.createdAt()))
                    .set("updated_at", notes.isoTime("conversation.updated_at", conversation.updatedAt()))
                    .set("last_active_at", notes.isoTime("conversation.last_active_at", conversation.lastActiveAt()))
                    .set("first_seen_at", now)
                    .build());
            return conversation.id();
        }

        /** @return the wamid, or null when there is no message row */
        private String message(WhatsAppMessage message, String conversationId, String phoneNumberId,
                               String defaultDirection) {
            if (message == null) {
                notes.add("message is missing: no " + KapsoEventSchema.MESSAGES_TABLE + " row");
                return null;
            }
            if (message.id() == null) {
                notes.add("message.id is missing: no " + KapsoEventSchema.MESSAGES_TABLE + " row");
                return null;
            }
            Media media = message.media();
            rows.add(new RowBuilder(KapsoTables.MESSAGES, key)
                    .set("wamid", message.id())
                    .set("conversation_id", conversationId)
                    .set("phone_number_id", phoneNumberId)
                    .set("direction", message.direction() != null ? message.direction() : defaultDirection)
                    .set("message_type", message.type())
                    .set("from_number", message.from())
                    .set("to_number", message.to())
                    .set("sent_at", notes.epochSeconds("message.timestamp", message.timestamp()))
                    .set("text_body", message.text())
                    .set("content", message.content())
                    .set("media_id", media == null ? null : media.id())
                    .set("media_mime_type", media == null ? null : media.mimeType())
                    .set("media_filename", media == null ? null : media.filename())
                    .set("media_url", media == null ? null : media.url())
                    .set("media_caption", media == null ? null : media.caption())
                    .set("context_wamid", message.contextMessageId())
                    .set("origin", message.origin())
                    .set("first_seen_at", now)
                    .build());
            return message.id();
        }

        /** @return the wamid, or null when there is no status row */
        private String status(MessageStatus status, String conversationId) {
            if (status.messageId() == null) {
                notes.add("the status's message id is missing: no " + KapsoEventSchema.MESSAGE_STATUSES_TABLE + " row");
                return null;
            }
            if (status.status() == null) {
                notes.add("the status is missing: no " + KapsoEventSchema.MESSAGE_STATUSES_TABLE + " row");
                return status.messageId();
            }
            StatusError error = status.errors().isEmpty() ? null : status.errors().get(0);
            Instant at = status.timestamp();
            rows.add(new RowBuilder(KapsoTables.MESSAGE_STATUSES, key)
                    .set("wamid", status.messageId())
                    .set("status", status.status())
                    .set("status_rank", StatusRank.of(status.status()))
                    .set("status_at", at)
                    .set("recipient_id", status.recipientId())
                    .set("conversation_id", conversationId)
                    .set("phone_number_id", status.phoneNumberId())
                    .set("sent_at", "sent".equals(status.status()) ? at : null)
                    .set("delivered_at", "delivered".equals(status.status()) ? at : null)
                    .set("read_at", "read".equals(status.status()) ? at : null)
                    .set("failed_at", "failed".equals(status.status()) ? at : null)
                    .set("error_code", error == null ? null : error.code())
                    .set("error_title", error == null ? null : error.title())
                    .set("error_message", error == null ? null : error.message())
                    .set("error_details", error == null ? null : error.details())
                    .set("first_seen_at", now)
                    .build());
            return status.messageId();
        }
    }
}
