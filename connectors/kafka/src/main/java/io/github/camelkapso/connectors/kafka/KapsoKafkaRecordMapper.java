package io.github.camelkapso.connectors.kafka;

import io.github.camelkapso.event.KapsoEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Turns the exchange of one Kapso event into the Kafka record camel-kafka sends: placed between {@code kapso:webhook}
 * (which splits batches) and {@code to("kafka:...")}.
 * <ul>
 * <li>body: the event's JSON payload as text (see {@link KapsoEventRecord});</li>
 * <li>{@code CamelKafkaKey}: the conversation id, else the phone number id, so one conversation stays on one
 * partition, in order;</li>
 * <li>the {@link KapsoRecordHeaders}, which camel-kafka sends as UTF-8 record headers;</li>
 * <li>{@code CamelKafkaOverrideTopic}, only when a {@link #setTopicPattern topic pattern} is set.</li>
 * </ul>
 * A body that is not one event raises {@link KapsoEventSerializationException} or {@link KapsoBatchBodyException}, so
 * a dead-letter channel can take it. From YAML, declare it as a bean
 * ({@code type: io.github.camelkapso.connectors.kafka.KapsoKafkaRecordMapper}) and use it with {@code process: ref:}.
 */
public class KapsoKafkaRecordMapper implements Processor {

    private TopicPattern topicPattern;

    /**
     * Sends each event family to its own topic, e.g. {@code kapso.{family}}; unset (the default), the topic of the
     * {@code kafka:} endpoint takes every event.
     *
     * @throws IllegalArgumentException when the pattern lacks {@code {family}} or gives an illegal topic name
     */
    public void setTopicPattern(String topicPattern) {
        this.topicPattern = topicPattern == null || topicPattern.isBlank() ? null : TopicPattern.of(topicPattern);
    }

    public String getTopicPattern() {
        return topicPattern == null ? null : topicPattern.toString();
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        KapsoEvent event = EventBody.read(message);
        KapsoEventRecord record = KapsoEventRecord.of(event, DeliveryFacts.of(message));
        message.setBody(record.value());
        KapsoRecordHeaders.ALL.forEach(message::removeHeader);
        record.headers().forEach(message::setHeader);
        if (record.key() == null) {
            message.removeHeader(KafkaConstants.KEY);
        } else {
            message.setHeader(KafkaConstants.KEY, record.key());
        }
        if (topicPattern != null) {
            message.setHeader(KafkaConstants.OVERRIDE_TOPIC, topicPattern.topicFor(record.family()));
        }
    }
}
