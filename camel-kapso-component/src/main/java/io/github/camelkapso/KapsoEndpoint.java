package io.github.camelkapso;

import java.util.Collections;
import java.util.Map;

import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.client.KapsoCallStats;
import io.github.camelkapso.client.KapsoClient;
import io.github.camelkapso.consumer.KapsoConsumerConfiguration;
import io.github.camelkapso.consumer.flows.KapsoFlowsConfiguration;
import io.github.camelkapso.consumer.flows.KapsoFlowsDataEndpointConsumer;
import io.github.camelkapso.consumer.polling.KapsoPollingConfiguration;
import io.github.camelkapso.consumer.polling.KapsoPollingConsumer;
import io.github.camelkapso.consumer.webhook.KapsoWebhookConfiguration;
import io.github.camelkapso.consumer.webhook.KapsoWebhookConsumer;
import io.github.camelkapso.consumer.webhook.KapsoWebhookService;
import io.github.camelkapso.producer.KapsoProducer;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.spi.HeaderFilterStrategyAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Calls one Kapso operation (WhatsApp Cloud API proxy or Platform API) per exchange, or receives Kapso events. As a
 * producer the operation is a catalog id: {@code kapso:sendMessage}, {@code kapso:addBroadcastRecipients},
 * {@code kapso:queryRows}. As a consumer: {@code kapso:webhook} (signed webhook deliveries),
 * {@code kapso:flowsDataEndpoint} (the WhatsApp Flows data endpoint), or a consumer-capable list operation polled on
 * a schedule ({@code kapso:listMessages}).
 * <p>
 * {@code kapso:webhook} also works behind Camel's webhook meta-component ({@code webhook:kapso:webhook}) when
 * camel-webhook is on the classpath ({@link KapsoWebhookEndpoint}).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "kapso", title = "Kapso", syntax = "kapso:operation",
             category = { Category.SOCIAL, Category.CHAT, Category.CLOUD },
             headersClass = KapsoConstants.class)
public class KapsoEndpoint extends ScheduledPollEndpoint implements HeaderFilterStrategyAware, EndpointServiceLocation {

    @UriPath(enums = KapsoOperationOptions.OPERATIONS, description = "The Kapso operation: a catalog id such as sendMessage, listBroadcasts or queryRows (the"
                           + " CamelKapsoOperation header overrides it per message); for consumers also webhook or"
                           + " flowsDataEndpoint.")
    @Metadata(required = true)
    private String operation;
    @UriParam
    private KapsoConfiguration configuration;
    @UriParam
    private KapsoConsumerConfiguration consumerConfiguration = new KapsoConsumerConfiguration();
    @UriParam
    private KapsoWebhookConfiguration webhookConsumerConfiguration = new KapsoWebhookConfiguration();
    @UriParam
    private KapsoFlowsConfiguration flowsConfiguration = new KapsoFlowsConfiguration();
    @UriParam
    private KapsoPollingConfiguration pollingConfiguration = new KapsoPollingConfiguration();
    /** Describes the operations' own parameters for tooling; their values reach {@link #setOperationParameters}. */
    @UriParam
    private KapsoOperationOptions operationOptions = new KapsoOperationOptions();

    private final KapsoOperation catalogOperation;
    private Map<String, String> operationParameters = Collections.emptyMap();
    private KapsoWebhookService webhookService;
    private KapsoClient client;

    /**
     * @param catalogOperation the catalog entry, or null for the consumer-only endpoints (webhook, flowsDataEndpoint)
     */
    public KapsoEndpoint(String uri, KapsoComponent component, String operation, KapsoOperation catalogOperation,
                         KapsoConfiguration configuration) {
        super(uri, component);
        this.catalogOperation = catalogOperation;
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() throws Exception {
        if (catalogOperation == null) {
            throw new IllegalArgumentException("kapso:" + operation + " only receives; it cannot be used in to(...)");
        }
        return new KapsoProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer;
        if (KapsoComponent.WEBHOOK.equals(operation)) {
            consumer = new KapsoWebhookConsumer(this, processor);
        } else if (KapsoComponent.FLOWS_DATA_ENDPOINT.equals(operation)) {
            consumer = new KapsoFlowsDataEndpointConsumer(this, processor);
        } else if (catalogOperation.consumer()) {
            consumer = new KapsoPollingConsumer(this, processor);
        } else {
            throw new IllegalArgumentException("kapso:" + operation + " cannot be used in from(...): consumers are kapso:"
                                               + KapsoComponent.WEBHOOK + ", kapso:" + KapsoComponent.FLOWS_DATA_ENDPOINT
                                               + " and the pollable list operations " + getComponent().getCatalog().pollableIds());
        }
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public KapsoComponent getComponent() {
        return (KapsoComponent) super.getComponent();
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        checkApiKey(configuration.getApiKey());
        if (configuration.getHeaderFilterStrategy() == null) {
            configuration.setHeaderFilterStrategy(new KapsoHeaderFilterStrategy());
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        KapsoComponent component = getComponent();
        client = new KapsoClient(configuration.toClientSettings(), component.getHttpClient(), component.getSendThrottle(),
                new KapsoCallStats(component.getCallStats()), component.getObjectMapper());
    }

    @Override
    protected void doStop() throws Exception {
        client = null;
        super.doStop();
    }

    /** The client this endpoint's producer and consumers call Kapso with; created when the endpoint starts. */
    public KapsoClient getClient() {
        if (client == null) {
            throw new IllegalStateException("kapso:" + operation + " is not started: its Kapso client does not exist yet");
        }
        return client;
    }

    /**
     * Fails on a key an HTTP header cannot carry (control characters, line breaks, non-ASCII) here, with a message that
     * does not show it: the JDK client would otherwise reject the header with the whole value in its message.
     */
    static void checkApiKey(String apiKey) {
        if (apiKey == null) {
            return;
        }
        for (int i = 0; i < apiKey.length(); i++) {
            char c = apiKey.charAt(i);
            if (c < 0x20 && c != '\t' || c >= 0x7f) {
                throw new IllegalArgumentException("The Kapso apiKey contains a character an HTTP header cannot carry (code "
                                                   + (int) c + " at position " + i + " of " + apiKey.length()
                                                   + "); check how the key is loaded");
            }
        }
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public KapsoOperation getCatalogOperation() {
        return catalogOperation;
    }

    public KapsoConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(KapsoConfiguration configuration) {
        this.configuration = configuration;
    }

    public KapsoConsumerConfiguration getConsumerConfiguration() {
        return consumerConfiguration;
    }

    public void setConsumerConfiguration(KapsoConsumerConfiguration consumerConfiguration) {
        this.consumerConfiguration = consumerConfiguration;
    }

    public KapsoWebhookConfiguration getWebhookConsumerConfiguration() {
        return webhookConsumerConfiguration;
    }

    public void setWebhookConsumerConfiguration(KapsoWebhookConfiguration webhookConsumerConfiguration) {
        this.webhookConsumerConfiguration = webhookConsumerConfiguration;
    }

    /** The webhook state of this endpoint (secret, registration), shared by both ways of consuming kapso:webhook. */
    public synchronized KapsoWebhookService getWebhookService() {
        if (webhookService == null) {
            webhookService = new KapsoWebhookService(this);
        }
        return webhookService;
    }

    public KapsoFlowsConfiguration getFlowsConfiguration() {
        return flowsConfiguration;
    }

    public void setFlowsConfiguration(KapsoFlowsConfiguration flowsConfiguration) {
        this.flowsConfiguration = flowsConfiguration;
    }

    public KapsoPollingConfiguration getPollingConfiguration() {
        return pollingConfiguration;
    }

    public void setPollingConfiguration(KapsoPollingConfiguration pollingConfiguration) {
        this.pollingConfiguration = pollingConfiguration;
    }

    public KapsoOperationOptions getOperationOptions() {
        return operationOptions;
    }

    public void setOperationOptions(KapsoOperationOptions operationOptions) {
        this.operationOptions = operationOptions;
    }

    /** Values of the operation's own path, query and header parameters set on the URI, keyed by wire name. */
    public Map<String, String> getOperationParameters() {
        return operationParameters;
    }

    void setOperationParameters(Map<String, String> operationParameters) {
        this.operationParameters = Map.copyOf(operationParameters);
    }

    @Override
    public HeaderFilterStrategy getHeaderFilterStrategy() {
        return configuration.getHeaderFilterStrategy();
    }

    @Override
    public void setHeaderFilterStrategy(HeaderFilterStrategy strategy) {
        configuration.setHeaderFilterStrategy(strategy);
    }

    /** Where this endpoint talks to: Kapso's base URL, or for the HTTP consumers the path they serve. */
    @Override
    public String getServiceUrl() {
        if (KapsoComponent.WEBHOOK.equals(operation)) {
            return getWebhookService().path();
        }
        if (KapsoComponent.FLOWS_DATA_ENDPOINT.equals(operation)) {
            return KapsoFlowsDataEndpointConsumer.resolvePath(consumerConfiguration);
        }
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }

    /** The operation and the ids it works on; never a key or secret. */
    @Override
    public Map<String, String> getServiceMetadata() {
        Map<String, String> metadata = new java.util.LinkedHashMap<>();
        metadata.put("operation", operation);
        if (configuration.getPhoneNumberId() != null) {
            metadata.put("phoneNumberId", configuration.getPhoneNumberId());
        }
        return metadata;
    }
}
