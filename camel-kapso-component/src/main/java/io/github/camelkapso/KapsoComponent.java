package io.github.camelkapso;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.catalog.KapsoCatalog;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.client.KapsoCallStats;
import io.github.camelkapso.client.KapsoJson;
import io.github.camelkapso.client.SendThrottle;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.PropertiesHelper;

/** The {@code kapso:} component: one endpoint per Kapso operation, all sharing one HTTP client. */
@Component("kapso")
public class KapsoComponent extends HealthCheckComponent {

    /** {@code kapso:webhook}: receives signed Kapso (or Meta-forwarded) webhook deliveries. */
    public static final String WEBHOOK = "webhook";
    /** {@code kapso:flowsDataEndpoint}: serves a WhatsApp Flows data endpoint. */
    public static final String FLOWS_DATA_ENDPOINT = "flowsDataEndpoint";
    /** Whether Camel's webhook meta-component (camel-webhook, an optional dependency) is on the classpath. */
    private static final boolean WEBHOOK_META_COMPONENT = present("org.apache.camel.component.webhook.WebhookCapableEndpoint");

    @Metadata(description = "Component-wide defaults, overridden per endpoint and per message.")
    private KapsoConfiguration configuration = new KapsoConfiguration();
    @Metadata(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "How long opening a connection to Kapso may take, in milliseconds.")
    private long connectTimeout = 10_000;
    @Metadata(label = "advanced", autowired = true,
              description = "A JDK HttpClient to use instead of the one the component builds (proxy, TLS settings).")
    private HttpClient httpClient;

    private final KapsoCatalog catalog = KapsoCatalog.get();
    private final KapsoCallStats callStats = new KapsoCallStats();
    private final SendThrottle sendThrottle = new SendThrottle();
    private final ObjectMapper objectMapper = KapsoJson.newMapper();
    private java.util.concurrent.ExecutorService httpExecutor;

    public KapsoComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        boolean receiverOnly = WEBHOOK.equals(remaining) || FLOWS_DATA_ENDPOINT.equals(remaining);
        KapsoOperation operation = receiverOnly ? null : catalog.require(remaining);
        KapsoEndpoint endpoint = WEBHOOK.equals(remaining) && WEBHOOK_META_COMPONENT
                ? KapsoWebhookEndpoint.create(uri, this, configuration.copy())
                : new KapsoEndpoint(uri, this, remaining, operation, configuration.copy());
        if (operation != null) {
            endpoint.setOperationParameters(OperationOptions.extract(operation, parameters));
        }
        Map<String, Object> filters = PropertiesHelper.extractProperties(parameters, "filter.");
        if (!filters.isEmpty()) {
            if (operation == null || !operation.filters()) {
                throw new IllegalArgumentException("kapso:" + remaining + " takes no database filters, but the URI has "
                        + new TreeSet<>(filters.keySet()).stream().map(k -> "filter." + k).toList()
                        + "; only queryRows, updateRows, upsertRows and deleteRows do");
            }
            endpoint.getConfiguration().setFilters(filters);
        }
        // what is left of the operation parameters belongs to other operations: KapsoOperationOptions describes them
        // for tooling and would take them, this operation does not
        Set<String> unknown = new TreeSet<>(parameters.keySet());
        unknown.retainAll(KapsoOperationOptions.NAMES);
        parameters.keySet().removeAll(unknown);
        setProperties(endpoint, parameters);
        unknown.addAll(parameters.keySet());
        if (!unknown.isEmpty()) {
            // IllegalArgumentException: Camel wraps it in a ResolveEndpointFailedException naming the (sanitised) URI
            throw new IllegalArgumentException("Unknown option(s) " + unknown
                    + " for kapso:" + remaining + "; valid options are " + validOptions(operation));
        }
        return endpoint;
    }

    private Set<String> validOptions(KapsoOperation operation) {
        Set<String> names = operation == null ? new TreeSet<>() : new TreeSet<>(OperationOptions.names(operation));
        EndpointUriFactory factory = getCamelContext().getCamelContextExtension().getEndpointUriFactory("kapso");
        if (factory != null) {
            factory.propertyNames().stream().filter(n -> !"operation".equals(n) && !"filters".equals(n))
                    .filter(n -> !KapsoOperationOptions.NAMES.contains(n)).forEach(names::add);
        }
        if (operation != null && operation.filters()) {
            names.add("filter.<column>");
        }
        return names;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (httpClient == null) {
            // an explicit pool: the JDK's default hands completions to a thread-per-task executor on small machines
            httpExecutor = getCamelContext().getExecutorServiceManager().newThreadPool(this, "KapsoHttpClient",
                    2, Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
            httpClient = HttpClient.newBuilder()
                    .executor(httpExecutor)
                    .connectTimeout(Duration.ofMillis(connectTimeout))
                    // never follow redirects: the JDK client would re-send X-API-Key to whatever host a 3xx names
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (httpExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdown(httpExecutor);
            httpExecutor = null;
            httpClient = null;
        }
        super.doStop();
    }

    public KapsoConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(KapsoConfiguration configuration) {
        this.configuration = configuration;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public HttpClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public KapsoCatalog getCatalog() {
        return catalog;
    }

    public KapsoCallStats getCallStats() {
        return callStats;
    }

    public SendThrottle getSendThrottle() {
        return sendThrottle;
    }

    /** The JSON configuration every kapso: endpoint of this component reads and writes with. */
    public ObjectMapper getObjectMapper() {
        return objectMapper;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, KapsoComponent.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
