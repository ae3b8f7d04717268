package io.github.camelkapso.consumer.polling;

import io.github.camelkapso.KapsoEndpoint;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;

/** Polls a Kapso list operation (placeholder until the polling consumer lands). */
public class KapsoPollingConsumer extends ScheduledPollConsumer {

    public KapsoPollingConsumer(KapsoEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected int poll() {
        throw new UnsupportedOperationException("polling kapso:" + ((KapsoEndpoint) getEndpoint()).getOperation() + " is not implemented yet");
    }
}
