package io.github.camelkapso.event;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/** Reads Kapso webhook payloads into {@link KapsoEvent}s. Never throws on an unexpected shape: fields are then null. */
public final class KapsoEvents {

    /** The type given to a payload whose event name is neither in the delivery nor derivable from its shape. */
    public static final String UNKNOWN_TYPE = "unknown";

    public static final String MESSAGE_RECEIVED = "whatsapp.message.received";
    public static final String MESSAGE_SENT = "whatsapp.message.sent";
    public static final String MESSAGE_DELIVERED = "whatsapp.message.delivered";
    public static final String MESSAGE_READ = "whatsapp.message.read";
    public static final String MESSAGE_FAILED = "whatsapp.message.failed";
    public static final String CONVERSATION_CREATED = "whatsapp.conversation.created";
    public static final String CONVERSATION_ENDED = "whatsapp.conversation.ended";
    public static final String CONVERSATION_INACTIVE = "whatsapp.conversation.inactive";
    public static final String PHONE_NUMBER_CREATED = "whatsapp.phone_number.created";
    public static final String PHONE_NUMBER_DELETED = "whatsapp.phone_number.deleted";
    public static final String WORKFLOW_EXECUTION_HANDOFF = "workflow.execution.handoff";
    public static final String WORKFLOW_EXECUTION_FAILED = "workflow.execution.failed";
    public static final String PROJECT_EVENT = "project.event";
    /** A Meta-forwarded message echo ({@link MessageEcho}), named after Meta's {@code message_echoes} array. */
    public static final String META_MESSAGE_ECHO = "meta.message_echoes";

    private KapsoEvents() {
    }

    /**
     * The event for a v2 payload.
     *
     * @param eventType the event name (the X-Webhook-Event header); when null it is derived from the payload
     */
    public static KapsoEvent parse(String eventType, JsonNode payload) {
        return parse(eventType, null, payload);
    }

    /**
     * The event for a payload of the given version: a {@code v1} (legacy) payload is kept as an {@link UnknownEvent},
     * its shape being different from the one the model reads, and so is a batch envelope (see {@link #parseBatch}).
     */
    public static KapsoEvent parse(String eventType, String payloadVersion, JsonNode payload) {
        String type = eventType == null || eventType.isBlank() ? typeOf(payload) : eventType;
        if (payload == null || !payload.isObject() || "v1".equalsIgnoreCase(payloadVersion) || isBatch(payload)) {
            return new UnknownEvent(type, payload == null ? NullNode.getInstance() : payload);
        }
        if (isMetaValue(payload)) {
            return parseMetaValue(type, payload);
        }
        switch (type) {
            case MESSAGE_RECEIVED:
                return MessageReceived.fromKapso(type, payload);
            case MESSAGE_SENT:
            case MESSAGE_DELIVERED:
            case MESSAGE_READ:
            case MESSAGE_FAILED:
                return MessageStatus.fromKapso(type, payload);
            case CONVERSATION_CREATED:
            case CONVERSATION_ENDED:
            case CONVERSATION_INACTIVE:
                return ConversationEvent.of(type, payload);
            case WORKFLOW_EXECUTION_HANDOFF:
            case WORKFLOW_EXECUTION_FAILED:
                return WorkflowExecutionEvent.of(type, payload);
            case PHONE_NUMBER_CREATED:
            case PHONE_NUMBER_DELETED:
                return PhoneNumberEvent.of(type, payload);
            case PROJECT_EVENT:
                return ProjectEvent.of(type, payload);
            default:
                return new UnknownEvent(type, payload);
        }
    }

    /** The events of a batched delivery ({@code {"type", "batch": true, "data": [...]}}), in order. */
    public static List<KapsoEvent> parseBatch(JsonNode batch) {
        String type = Json.text(batch, "type");
        List<KapsoEvent> events = new ArrayList<>();
        for (JsonNode item : Json.array(batch, "data")) {
            events.add(parse(type, item));
        }
        return events;
    }

    /**
     * The events of a Meta webhook body, one per {@link MetaItem} and in its order, as a {@code meta} webhook
     * consumer delivers them.
     */
    public static List<KapsoEvent> parseMetaWebhook(JsonNode body) {
        List<KapsoEvent> events = new ArrayList<>();
        for (MetaItem item : MetaItem.allOf(body)) {
            events.add(parse(item.type(), item.value()));
        }
        return events;
    }

    /**
     * The event name a payload declares or implies, for deliveries that came without one: a batch's {@code type}, a
     * workflow event's {@code event}, a message's Kapso status, a Meta value's messages, echoes or statuses; otherwise
     * {@value #UNKNOWN_TYPE}. It does not guess between conversation created and ended, nor phone number created and
     * deleted.
     */
    public static String typeOf(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            return UNKNOWN_TYPE;
        }
        String declared = Json.firstText(Json.text(payload, "event"), Json.flag(payload, "batch") ? Json.text(payload, "type") : null);
        if (declared != null) {
            return declared;
        }
        if (isMetaValue(payload)) {
            if (!Json.array(payload, "messages").isEmpty()) {
                return MESSAGE_RECEIVED;
            }
            if (!Json.array(payload, "message_echoes").isEmpty()) {
                return META_MESSAGE_ECHO;
            }
            String status = Json.text(Json.at(payload, "statuses").path(0), "status");
            return status == null ? UNKNOWN_TYPE : "whatsapp.message." + status;
        }
        JsonNode message = Json.container(payload, "message");
        if (message != null) {
            String status = Json.text(message, "kapso", "status");
            if ("received".equals(status) || status == null && "inbound".equals(Json.text(message, "kapso", "direction"))) {
                return MESSAGE_RECEIVED;
            }
            return status == null ? UNKNOWN_TYPE : "whatsapp.message." + status;
        }
        if (Json.container(payload, "conversation") != null && Json.container(payload, "inactivity") != null) {
            return CONVERSATION_INACTIVE;
        }
        return UNKNOWN_TYPE;
    }

    /** A batched delivery's envelope ({@code "batch": true} with its events in {@code data}): many events, not one. */
    public static boolean isBatch(JsonNode payload) {
        return payload != null && Json.flag(payload, "batch") && payload.path("data").isArray();
    }

    /** The phone number id of a v2 payload: at its root, or in its conversation or message. */
    static String phoneNumberIdOf(JsonNode payload) {
        return Json.firstText(Json.text(payload, "phone_number_id"), Json.text(payload, "conversation", "phone_number_id"),
                Json.text(payload, "message", "kapso", "phone_number_id"));
    }

    /** A {@code value} of a Meta webhook change (what a {@code meta} webhook forwards), narrowed to one item or not. */
    static boolean isMetaValue(JsonNode payload) {
        return payload.has("messaging_product") || payload.has("message_echoes")
               || payload.path("metadata").has("phone_number_id") && !payload.has("message") && !payload.has("conversation");
    }

    private static KapsoEvent parseMetaValue(String type, JsonNode value) {
        if (!Json.array(value, "messages").isEmpty()) {
            return MessageReceived.fromMeta(type, value);
        }
        if (!Json.array(value, "message_echoes").isEmpty()) {
            return MessageEcho.fromMeta(type, value);
        }
        if (!Json.array(value, "statuses").isEmpty()) {
            return MessageStatus.fromMeta(type, value);
        }
        return new UnknownEvent(type, value);
    }
}
