package io.github.camelkapso;

import java.util.Collections;
import java.util.Map;

import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.producer.KapsoProducer;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.spi.HeaderFilterStrategyAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Calls one Kapso operation (WhatsApp Cloud API proxy or Platform API) per exchange. The operation is a catalog id:
 * {@code kapso:sendMessage}, {@code kapso:addBroadcastRecipients}, {@code kapso:queryRows}.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "kapso", title = "Kapso", syntax = "kapso:operation",
             category = { Category.SOCIAL, Category.CHAT, Category.CLOUD }, producerOnly = true,
             headersClass = KapsoConstants.class)
public class KapsoEndpoint extends DefaultEndpoint implements HeaderFilterStrategyAware {

    @UriPath(description = "The Kapso operation to call: a catalog id such as sendMessage, listBroadcasts or queryRows."
                           + " The CamelKapsoOperation header overrides it per message.")
    @Metadata(required = true)
    private String operation;
    @UriParam
    private KapsoConfiguration configuration;

    private final KapsoOperation catalogOperation;
    private Map<String, String> operationParameters = Collections.emptyMap();

    public KapsoEndpoint(String uri, KapsoComponent component, KapsoOperation catalogOperation,
                         KapsoConfiguration configuration) {
        super(uri, component);
        this.catalogOperation = catalogOperation;
        this.operation = catalogOperation.id();
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() throws Exception {
        return new KapsoProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("kapso:" + operation + " cannot be used as a consumer");
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
}
