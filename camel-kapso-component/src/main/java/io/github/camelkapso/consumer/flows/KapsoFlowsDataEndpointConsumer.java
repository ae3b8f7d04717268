package io.github.camelkapso.consumer.flows;

import io.github.camelkapso.KapsoEndpoint;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/** Serves a WhatsApp Flows data endpoint (placeholder until the Flows consumer lands). */
public class KapsoFlowsDataEndpointConsumer extends DefaultConsumer {

    public KapsoFlowsDataEndpointConsumer(KapsoEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected void doStart() throws Exception {
        throw new UnsupportedOperationException("kapso:flowsDataEndpoint is not implemented yet");
    }
}
