package io.github.camelkapso.connectors.kafka;

import java.util.List;

/**
 * The plain Kafka record headers a Kapso event record carries, each a UTF-8 string. They are plain names on purpose:
 * camel-kafka's header filter drops every {@code Camel*} header, so the consumer's {@code CamelKapso*} headers never
 * reach a record. A header is absent when the event has no such value (a Meta-forwarded event has no payload version,
 * a phone number event no conversation).
 */
public final class KapsoRecordHeaders {

    /** The event name, e.g. {@code whatsapp.message.received}. */
    public static final String EVENT_TYPE = "kapso-event-type";
    /** The key consumers de-duplicate on: the webhook's {@code CamelKapsoIdempotencyKey}, stable across Kapso's retries. */
    public static final String IDEMPOTENCY_KEY = "kapso-idempotency-key";
    /** The Kapso conversation id. */
    public static final String CONVERSATION_ID = "kapso-conversation-id";
    /** The WhatsApp message id (wamid) the event is about. */
    public static final String MESSAGE_ID = "kapso-message-id";
    /** The WhatsApp phone number id of the business number. */
    public static final String PHONE_NUMBER_ID = "kapso-phone-number-id";
    /** The Kapso payload version (v2 or v1); absent for Meta-forwarded events. */
    public static final String PAYLOAD_VERSION = "kapso-payload-version";

    /** Every header above, in the order a record carries them. */
    public static final List<String> ALL = List.of(EVENT_TYPE, IDEMPOTENCY_KEY, CONVERSATION_ID, MESSAGE_ID, PHONE_NUMBER_ID,
            PAYLOAD_VERSION);

    private KapsoRecordHeaders() {
    }

    /** True for a header this connector writes. */
    public static boolean isKapsoHeader(String name) {
        return ALL.contains(name);
    }
}
