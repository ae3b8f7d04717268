package io.github.camelkapso.consumer.webhook;

import io.github.camelkapso.KapsoEndpoint;
import io.github.camelkapso.consumer.ConcurrentRequestLimit;
import io.github.camelkapso.consumer.ServerBodyLimit;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("kapso:webhook")}: serves the webhook path on Camel's platform-http server and hands each verified event
 * to the route (see {@link WebhookRequestHandler}). With autoRegister it registers the webhook at Kapso once the path
 * is served, and can delete it on stop.
 */
public class KapsoWebhookConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(KapsoWebhookConsumer.class);

    private Consumer httpConsumer;

    public KapsoWebhookConsumer(KapsoEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public KapsoEndpoint getEndpoint() {
        return (KapsoEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        KapsoWebhookService service = getEndpoint().getWebhookService();
        boolean registering = getEndpoint().getWebhookConsumerConfiguration().isAutoRegister();
        service.checkOptions(registering);
        String url = null;
        if (registering) {
            url = service.publicUrl(null);
            service.checkUrl(url);
        }
        Endpoint http = getEndpoint().getCamelContext().getEndpoint("platform-http:" + service.path());
        httpConsumer = http.createConsumer(new ConcurrentRequestLimit(service.createHandler(new RouteRouting()),
                getEndpoint().getConsumerConfiguration().getMaxConcurrentRequests(), "kapso:webhook on " + service.path()));
        ServiceHelper.startService(httpConsumer);
        ServerBodyLimit.warnIfLarger(getEndpoint().getCamelContext(), "kapso:webhook on " + service.path(),
                getEndpoint().getConsumerConfiguration().getMaxBodySize());
        LOG.info("kapso:webhook serving {} ({} kind)", service.path(), getEndpoint().getWebhookConsumerConfiguration().getWebhookKind());
        if (registering) {
            try {
                service.register(url);
            } catch (Exception e) {
                ServiceHelper.stopAndShutdownService(httpConsumer);
                httpConsumer = null;
                throw e;
            }
        }
    }

    @Override
    protected void doStop() throws Exception {
        try {
            getEndpoint().getWebhookService().unregister();
        } catch (Exception e) {
            LOG.warn("kapso:webhook could not delete its Kapso webhook: {}", e.getMessage());
        } finally {
            ServiceHelper.stopAndShutdownService(httpConsumer);
            httpConsumer = null;
            super.doStop();
        }
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
