package io.github.camelkapso.consumer.webhook;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Events go to the processor the webhook meta-component hands over ({@code webhook:kapso:webhook}), each in a new
 * exchange of the same route as the HTTP request.
 */
final class NextProcessorRouting implements EventRouting {

    private final Endpoint from;
    private final Processor next;

    NextProcessorRouting(Endpoint from, Processor next) {
        this.from = from;
        this.next = next;
    }

    @Override
    public Exchange createExchange(Exchange request) {
        Exchange exchange = from.createExchange();
        exchange.getExchangeExtension().setFromRouteId(request.getFromRouteId());
        return exchange;
    }

    @Override
    public void process(Exchange event) throws Exception {
        next.process(event);
    }

    @Override
    public void release(Exchange event) {
        // not pooled
    }
}
