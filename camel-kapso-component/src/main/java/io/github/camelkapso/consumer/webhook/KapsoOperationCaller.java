package io.github.camelkapso.consumer.webhook;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkapso.KapsoComponent;
import io.github.camelkapso.KapsoConfiguration;
import io.github.camelkapso.KapsoEndpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Calls a Kapso operation through the component's own producer, with the configuration of the consumer's endpoint
 * (its apiKey, baseUrl and retry settings), synchronously. Used to register the webhook.
 */
final class KapsoOperationCaller {

    private final KapsoEndpoint owner;

    KapsoOperationCaller(KapsoEndpoint owner) {
        this.owner = owner;
    }

    /**
     * @param  allPages  follow pagination and answer the list of all items
     * @return           the answer: the whole JSON document, or the list of items when {@code allPages}
     * @throws Exception the producer's exception (a KapsoApiException for an error answer)
     */
    Object call(String operationId, Object body, Map<String, Object> headers, boolean allPages) throws Exception {
        KapsoComponent component = owner.getComponent();
        KapsoConfiguration configuration = owner.getConfiguration().copy();
        configuration.setResponseClass(JsonNode.class);
        configuration.setAutoPaginate(allPages);
        configuration.setSplitResult(false);
        configuration.setThrottleEnabled(false);
        KapsoEndpoint endpoint = new KapsoEndpoint("kapso:" + operationId, component, operationId,
                component.getCatalog().require(operationId), configuration);
        Producer producer = null;
        try {
            ServiceHelper.startService(endpoint);
            producer = endpoint.createProducer();
            ServiceHelper.startService(producer);
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody(body);
            exchange.getMessage().getHeaders().putAll(headers);
            producer.process(exchange);
            if (exchange.getException() != null) {
                throw exchange.getException();
            }
            return exchange.getMessage().getBody();
        } finally {
            ServiceHelper.stopAndShutdownServices(producer, endpoint);
        }
    }
}
