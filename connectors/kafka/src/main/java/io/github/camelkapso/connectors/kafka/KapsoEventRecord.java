package io.github.camelkapso.connectors.kafka;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.event.KapsoEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One Kapso event as a Kafka record: what {@link KapsoKafkaRecordMapper} puts on the exchange before
 * {@code to("kafka:...")}, and what a plain Kafka producer can send with {@link #toProducerRecord(String)}.
 *
 * @param family  the event's family, naming its topic under a {@link TopicPattern}
 * @param key     the conversation id, else the phone number id; null when the event has neither (then Kafka spreads
 *                such records over the partitions)
 * @param value   the event's own JSON payload, as UTF-8 text (never a batch)
 * @param headers the {@link KapsoRecordHeaders} that have a value, in their order
 */
public record KapsoEventRecord(EventFamily family, String key, String value, Map<String, String> headers) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public KapsoEventRecord {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * The record for an event. Ids come from the event's payload first (a later step of the route may have changed a
     * {@code CamelKapso*} header, e.g. a reply sets {@code CamelKapsoMessageId}), then from the consumer's facts. An
     * event without an idempotency key (it did not come from {@code kapso:webhook}) is keyed
     * {@code event:<SHA-256 of its value>}, stable for the same payload.
     *
     * @throws KapsoEventSerializationException when the payload cannot be written as JSON
     */
    public static KapsoEventRecord of(KapsoEvent event, DeliveryFacts facts) {
        String value = json(event);
        String conversationId = first(EventIds.conversationId(event), facts.conversationId());
        String phoneNumberId = first(EventIds.phoneNumberId(event), facts.phoneNumberId());
        Map<String, String> headers = new LinkedHashMap<>();
        put(headers, KapsoRecordHeaders.EVENT_TYPE, event.type());
        put(headers, KapsoRecordHeaders.IDEMPOTENCY_KEY, first(facts.idempotencyKey(), "event:" + sha256Hex(value)));
        put(headers, KapsoRecordHeaders.CONVERSATION_ID, conversationId);
        put(headers, KapsoRecordHeaders.MESSAGE_ID, first(EventIds.messageId(event), facts.messageId()));
        put(headers, KapsoRecordHeaders.PHONE_NUMBER_ID, phoneNumberId);
        put(headers, KapsoRecordHeaders.PAYLOAD_VERSION, facts.payloadVersion());
        return new KapsoEventRecord(EventFamily.of(event), first(conversationId, phoneNumberId), value, headers);
    }

    /** The idempotency key header (never null). */
    public String idempotencyKey() {
        return headers.get(KapsoRecordHeaders.IDEMPOTENCY_KEY);
    }

    /** The record for a plain {@code KafkaProducer<String, String>}, headers as UTF-8 bytes, as camel-kafka sends it. */
    public ProducerRecord<String, String> toProducerRecord(String topic) {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, text) -> recordHeaders.add(name, text.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(topic, null, key, value, recordHeaders);
    }

    private static String json(KapsoEvent event) {
        try {
            return MAPPER.writeValueAsString(event.raw());
        } catch (JsonProcessingException | RuntimeException e) {
            throw new KapsoEventSerializationException("Cannot write the " + event.type() + " event as JSON for the Kafka"
                    + " record value: " + e.getClass().getSimpleName(), e);
        }
    }

    private static void put(Map<String, String> headers, String name, String value) {
        if (value != null && !value.isBlank()) {
            headers.put(name, value);
        }
    }

    private static String first(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred : fallback;
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
