package io.github.camelkapso.connectors.kafka;

import io.github.camelkapso.event.KapsoEvent;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A Kafka value deserializer giving the typed {@link KapsoEvent} of a Kapso event record, read with its
 * {@code kapso-event-type} header. For a plain consumer:
 * {@code new KafkaConsumer<>(props, new StringDeserializer(), new KapsoEventDeserializer())}; for camel-kafka:
 * {@code kafka:topic?valueDeserializer=io.github.camelkapso.connectors.kafka.KapsoEventDeserializer}, and the body is
 * the event. A value that is not one event's JSON is a {@link SerializationException}, as Kafka expects of a
 * deserializer (camel-kafka's {@code pollOnError} decides what then happens to it). A tombstone (null value) stays null.
 */
public class KapsoEventDeserializer implements Deserializer<KapsoEvent> {

    @Override
    public KapsoEvent deserialize(String topic, byte[] data) {
        return deserialize(topic, null, data);
    }

    @Override
    public KapsoEvent deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return KapsoRecordEvents.read(data, headers);
        } catch (KapsoEventSerializationException | KapsoBatchBodyException e) {
            throw new SerializationException("Cannot read a record of topic " + topic + " as a Kapso event: "
                    + e.getMessage(), e);
        }
    }
}
