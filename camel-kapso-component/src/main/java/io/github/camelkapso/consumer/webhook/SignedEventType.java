package io.github.camelkapso.consumer.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkapso.event.KapsoEvents;

/**
 * The event type of a Kapso-kind payload, held against what the signed body says. Only the body is signed, so the
 * {@code X-Webhook-Event} header is believed only where the body cannot contradict it: a header that names another
 * event than the payload's {@code event} field, a received event for an outbound message (or a status the message
 * never had), a message event without a message, or a conversation event that does not match the conversation, is a
 * relabelled delivery and refused. Where the body says nothing the header decides (phone number and project events
 * look alike).
 */
final class SignedEventType {

    private static final String MESSAGE_PREFIX = "whatsapp.message.";
    private static final String CONVERSATION_PREFIX = "whatsapp.conversation.";

    private SignedEventType() {
    }

    /**
     * @param header  the X-Webhook-Event header, or null
     * @param payload one event payload (v2, or v1 with its Kapso fields on the message)
     * @return the event type to deliver
     */
    static String of(String header, JsonNode payload) throws MalformedDeliveryException {
        String declared = PayloadIds.text(payload.path("event"));
        if (declared != null) {
            if (header != null && !header.equals(declared)) {
                throw relabelled(header, "the signed payload's event is " + declared);
            }
            return declared;
        }
        if (header == null) {
            return KapsoEvents.typeOf(payload);
        }
        JsonNode message = payload.path("message");
        if (message.isObject()) {
            checkMessageEvent(header, message);
        } else if (header.startsWith(MESSAGE_PREFIX)) {
            throw relabelled(header, "the signed payload has no message");
        } else if (payload.path("conversation").isObject()) {
            checkConversationEvent(header, payload);
        } else if (header.startsWith(CONVERSATION_PREFIX)) {
            throw relabelled(header, "the signed payload has no conversation");
        }
        return header;
    }

    /** The batch's type, from its signed {@code type} field when it has one. */
    static String ofBatch(String header, JsonNode batch) throws MalformedDeliveryException {
        String declared = PayloadIds.text(batch.path("type"));
        if (declared != null && header != null && !header.equals(declared)) {
            throw relabelled(header, "the signed batch's type is " + declared);
        }
        return declared != null ? declared : header != null ? header : KapsoEvents.UNKNOWN_TYPE;
    }

    private static void checkMessageEvent(String header, JsonNode message) throws MalformedDeliveryException {
        if (!header.startsWith(MESSAGE_PREFIX)) {
            throw relabelled(header, "the signed payload is a message event");
        }
        // v2 keeps Kapso's facts in message.kapso, v1 on the message itself
        JsonNode kapso = message.path("kapso").isObject() ? message.path("kapso") : message;
        String direction = PayloadIds.text(kapso.path("direction"));
        String status = PayloadIds.text(kapso.path("status"));
        boolean inbound = "inbound".equals(direction) || "received".equals(status);
        boolean outbound = "outbound".equals(direction) || status != null && !"received".equals(status);
        String suffix = header.substring(MESSAGE_PREFIX.length());
        if ("received".equals(suffix)) {
            if (outbound && !inbound) {
                throw relabelled(header, "the signed message is outbound");
            }
            return;
        }
        if (inbound) {
            throw relabelled(header, "the signed message is inbound (only whatsapp.message.received)");
        }
        if (status != null && !status.equals(suffix) && !hadStatus(kapso.path("statuses"), suffix)) {
            throw relabelled(header, "the signed message's status is " + status);
        }
    }

    private static boolean hadStatus(JsonNode statuses, String status) {
        for (JsonNode entry : statuses) {
            if (status.equals(PayloadIds.text(entry.path("status")))) {
                return true;
            }
        }
        return false;
    }

    private static void checkConversationEvent(String header, JsonNode payload) throws MalformedDeliveryException {
        if (!header.startsWith(CONVERSATION_PREFIX)) {
            throw relabelled(header, "the signed payload is a conversation event");
        }
        boolean inactivity = payload.path("inactivity").isObject() || payload.path("since_message").isObject();
        if (KapsoEvents.CONVERSATION_INACTIVE.equals(header) != inactivity) {
            throw relabelled(header, inactivity ? "the signed payload reports inactivity"
                    : "the signed payload reports no inactivity");
        }
        boolean ended = "ended".equals(PayloadIds.text(payload.path("conversation").path("status")));
        if (KapsoEvents.CONVERSATION_ENDED.equals(header) && !ended
            || KapsoEvents.CONVERSATION_CREATED.equals(header) && ended) {
            throw relabelled(header, "the signed conversation's status is "
                    + PayloadIds.text(payload.path("conversation").path("status")));
        }
    }

    private static MalformedDeliveryException relabelled(String header, String fact) {
        return new MalformedDeliveryException(
                "X-Webhook-Event " + header + " does not match the signed body: " + fact);
    }
}
