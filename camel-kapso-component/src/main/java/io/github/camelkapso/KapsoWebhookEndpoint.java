package io.github.camelkapso;

import java.util.List;

import io.github.camelkapso.consumer.webhook.KapsoWebhookService;
import org.apache.camel.Processor;
import org.apache.camel.component.webhook.WebhookCapableEndpoint;
import org.apache.camel.component.webhook.WebhookConfiguration;

/**
 * {@code kapso:webhook} as Camel's webhook meta-component sees it ({@code webhook:kapso:webhook}): the same
 * verification, splitting and registration, with the meta-component serving the path. The component creates this
 * endpoint only when camel-webhook is on the classpath, so the component itself does not depend on it.
 */
public class KapsoWebhookEndpoint extends KapsoEndpoint implements WebhookCapableEndpoint {

    /** Set by the webhook meta-component when this endpoint is used as webhook:kapso:webhook. */
    private WebhookConfiguration webhookComponentConfiguration;

    public KapsoWebhookEndpoint(String uri, KapsoComponent component, KapsoConfiguration configuration) {
        super(uri, component, KapsoComponent.WEBHOOK, null, configuration);
    }

    /**
     * Typed as the plain endpoint on purpose: the component calls this only when camel-webhook is present, and a call
     * site typed with this class would make the JVM load camel-webhook's interface while verifying the component.
     */
    static KapsoEndpoint create(String uri, KapsoComponent component, KapsoConfiguration configuration) {
        return new KapsoWebhookEndpoint(uri, component, configuration);
    }

    @Override
    public Processor createWebhookHandler(Processor next) {
        requireWebhookOperation();
        boolean registering = webhookComponentConfiguration != null && webhookComponentConfiguration.isWebhookAutoRegister();
        getWebhookService().checkOptions(registering);
        return getWebhookService().createHandler(next);
    }

    @Override
    public void registerWebhook() throws Exception {
        requireWebhookOperation();
        KapsoWebhookService service = getWebhookService();
        String fallback = webhookComponentConfiguration == null ? null : webhookComponentConfiguration.computeFullExternalUrl();
        service.register(service.publicUrl(fallback));
    }

    @Override
    public void unregisterWebhook() throws Exception {
        getWebhookService().unregister();
    }

    /** Keeps the path option (default /kapso/webhooks) unless the meta-component's webhookPath is set. */
    @Override
    public void setWebhookConfiguration(WebhookConfiguration webhookConfiguration) {
        if (webhookConfiguration.getWebhookPath() == null) {
            webhookConfiguration.setWebhookPath(getWebhookService().path());
        }
        this.webhookComponentConfiguration = webhookConfiguration;
    }

    @Override
    public List<String> getWebhookMethods() {
        return getWebhookConsumerConfiguration().isMeta() ? List.of("POST", "GET") : List.of("POST");
    }

    private void requireWebhookOperation() {
        if (!KapsoComponent.WEBHOOK.equals(getOperation())) {
            throw new IllegalArgumentException("Only kapso:webhook works behind the webhook component, not kapso:" + getOperation());
        }
    }
}
