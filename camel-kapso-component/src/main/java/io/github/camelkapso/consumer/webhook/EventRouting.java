package io.github.camelkapso.consumer.webhook;

import org.apache.camel.Exchange;

/** Where the events of a delivery go: the route behind {@code kapso:webhook}, or behind {@code webhook:kapso:webhook}. */
interface EventRouting {

    /** A new exchange for one event of the delivery that arrived in {@code request}. */
    Exchange createExchange(Exchange request);

    /** Runs the route for the exchange and returns when it has finished (the HTTP answer waits for it). */
    void process(Exchange event) throws Exception;

    void release(Exchange event);
}
