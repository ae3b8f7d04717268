package io.github.camelkapso.connectors.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.camel.component.kafka.serde.KafkaHeaderDeserializer;

/**
 * A camel-kafka header deserializer that gives the {@link KapsoRecordHeaders} as Strings (every other header stays
 * bytes, camel-kafka's default), so {@code header("kapso-idempotency-key")} or {@code ${header.kapso-event-type}} read
 * as text. Set it with {@code headerDeserializer=#class:io.github.camelkapso.connectors.kafka.KapsoRecordHeaderDeserializer}.
 */
public class KapsoRecordHeaderDeserializer implements KafkaHeaderDeserializer {

    @Override
    public Object deserialize(String key, byte[] value) {
        if (value != null && KapsoRecordHeaders.isKapsoHeader(key)) {
            return new String(value, StandardCharsets.UTF_8);
        }
        return value;
    }
}
