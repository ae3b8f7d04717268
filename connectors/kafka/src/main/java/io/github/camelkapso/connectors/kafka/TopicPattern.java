package io.github.camelkapso.connectors.kafka;

import java.util.regex.Pattern;

/**
 * A topic name with a {@code {family}} placeholder, e.g. {@code kapso.{family}}: message events then go to
 * {@code kapso.message}, statuses to {@code kapso.status}, conversation events to {@code kapso.conversation} and the
 * rest to {@code kapso.other}. Checked when it is set, so a bad pattern fails at start-up, not on the first event.
 */
public final class TopicPattern {

    public static final String PLACEHOLDER = "{family}";

    // Kafka's own rule for a topic name (org.apache.kafka.common.internals.Topic)
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]+");
    private static final int MAX_LENGTH = 249;

    private final String pattern;

    private TopicPattern(String pattern) {
        this.pattern = pattern;
    }

    public static TopicPattern of(String pattern) {
        if (pattern == null || !pattern.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("topicPattern '" + pattern + "' must contain " + PLACEHOLDER
                    + " (e.g. kapso.{family}); to send every event to one topic, name it on the kafka: endpoint instead");
        }
        for (EventFamily family : EventFamily.values()) {
            String topic = pattern.replace(PLACEHOLDER, family.topicName());
            if (topic.length() > MAX_LENGTH || !LEGAL.matcher(topic).matches()) {
                throw new IllegalArgumentException("topicPattern '" + pattern + "' gives the topic '" + topic
                        + "', which is not a legal Kafka topic name: only ASCII letters, digits, '.', '_' and '-',"
                        + " at most " + MAX_LENGTH + " characters");
            }
        }
        return new TopicPattern(pattern);
    }

    public String topicFor(EventFamily family) {
        return pattern.replace(PLACEHOLDER, family.topicName());
    }

    @Override
    public String toString() {
        return pattern;
    }
}
