package io.github.camelkapso.consumer;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a kapso: HTTP consumer, found by Camel's consumers repository through {@link KapsoHttpConsumer}: UP while
 * its path is served, DOWN while the consumer is stopped or suspended. Details: the path and what the consumer adds
 * (a webhook's kind and registration).
 */
final class KapsoHttpConsumerHealthCheck extends AbstractHealthCheck {

    private final KapsoHttpConsumer consumer;

    KapsoHttpConsumerHealthCheck(KapsoHttpConsumer consumer, String id) {
        super("camel", id);
        this.consumer = consumer;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("path", consumer.getPath());
        consumer.healthDetails().forEach(builder::detail);
        if (consumer.isServing()) {
            builder.up();
        } else {
            builder.message(consumer.describe() + " is not serving requests (" + consumer.getStatus() + ")").down();
        }
    }
}
