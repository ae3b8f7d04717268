package io.github.camelkapso.consumer.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelkapso.KapsoEndpoint;
import io.github.camelkapso.consumer.KapsoHttpConsumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("kapso:webhook")}: serves the webhook path on Camel's platform-http server and hands each verified event
 * to the route (see {@link WebhookRequestHandler}). With autoRegister it registers the webhook at Kapso once the path
 * is served, and can delete it on stop.
 */
public class KapsoWebhookConsumer extends KapsoHttpConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(KapsoWebhookConsumer.class);

    private String registrationUrl;

    public KapsoWebhookConsumer(KapsoEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    private KapsoWebhookService service() {
        return getEndpoint().getWebhookService();
    }

    @Override
    public String getPath() {
        return service().path();
    }

    @Override
    protected Processor createRequestProcessor() {
        boolean registering = getEndpoint().getWebhookConsumerConfiguration().isAutoRegister();
        service().checkOptions(registering);
        registrationUrl = null;
        if (registering) {
            registrationUrl = service().publicUrl(null);
            service().checkUrl(registrationUrl);
        }
        return service().createHandler(new RouteRouting());
    }

    @Override
    protected void afterServing() throws Exception {
        LOG.info("kapso:webhook serving {} ({} kind)", getPath(), getEndpoint().getWebhookConsumerConfiguration().getWebhookKind());
        if (registrationUrl != null) {
            service().register(registrationUrl);
        }
    }

    @Override
    protected void beforeStop() {
        try {
            service().unregister();
        } catch (Exception e) {
            LOG.warn("kapso:webhook could not delete its Kapso webhook: {}", e.getMessage());
        }
    }

    @Override
    protected Map<String, Object> healthDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", getEndpoint().getWebhookConsumerConfiguration().getWebhookKind());
        service().registration().ifPresent(details::putAll);
        return details;
    }

    /** Events go to this consumer's route, each in an exchange of its own. */
    private final class RouteRouting implements EventRouting {

        @Override
        public Exchange createExchange(Exchange request) {
            return KapsoWebhookConsumer.this.createExchange(false);
        }

        @Override
        public void process(Exchange event) throws Exception {
            getProcessor().process(event);
        }

        @Override
        public void release(Exchange event) {
            releaseExchange(event, false);
        }
    }
}
