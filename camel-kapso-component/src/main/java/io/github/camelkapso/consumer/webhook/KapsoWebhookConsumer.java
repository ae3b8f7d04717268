package io.github.camelkapso.consumer.webhook;

import io.github.camelkapso.KapsoEndpoint;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/** Receives Kapso's signed webhook deliveries (placeholder until the webhook consumer lands). */
public class KapsoWebhookConsumer extends DefaultConsumer {

    public KapsoWebhookConsumer(KapsoEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected void doStart() throws Exception {
        throw new UnsupportedOperationException("kapso:webhook is not implemented yet");
    }
}
