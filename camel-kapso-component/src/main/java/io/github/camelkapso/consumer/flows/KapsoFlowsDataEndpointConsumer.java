package io.github.camelkapso.consumer.flows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.KapsoEndpoint;
import io.github.camelkapso.consumer.KapsoConsumerConfiguration;
import io.github.camelkapso.consumer.ConcurrentRequestLimit;
import io.github.camelkapso.consumer.ServerBodyLimit;
import io.github.camelkapso.consumer.flows.crypto.FlowsEnvelopeCipher;
import io.github.camelkapso.consumer.flows.crypto.HubSignatureVerifier;
import io.github.camelkapso.consumer.flows.crypto.PemPrivateKeyReader.ParsedKey;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.spi.RouteIdAware;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a WhatsApp Flows data endpoint ({@code from("kapso:flowsDataEndpoint")}) on Camel's platform-http server: POST
 * requests on {@code path} (default {@value #DEFAULT_PATH}) are verified, decrypted with the business private key and
 * handed to the route as plain JSON; the route's reply is encrypted back. See {@link FlowsRequestProcessor}.
 */
public class KapsoFlowsDataEndpointConsumer extends DefaultConsumer implements Suspendable {

    public static final String DEFAULT_PATH = "/kapso/flows";

    private static final Logger LOG = LoggerFactory.getLogger(KapsoFlowsDataEndpointConsumer.class);

    private final ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private String path;
    private Consumer httpConsumer;

    public KapsoFlowsDataEndpointConsumer(KapsoEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public KapsoEndpoint getEndpoint() {
        return (KapsoEndpoint) super.getEndpoint();
    }

    /** The HTTP path served. */
    public String getPath() {
        return path;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        path = resolvePath(getEndpoint().getConsumerConfiguration());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        KapsoFlowsConfiguration flows = getEndpoint().getFlowsConfiguration();
        ParsedKey key = FlowsPrivateKeyLoader.load(getEndpoint().getCamelContext(), flows);
        if (!key.encrypted() && flows.getFlowsPrivateKeyPassphrase() != null) {
            LOG.warn("flowsPrivateKeyPassphrase is set but the {} private key is not encrypted; the passphrase is not used",
                    key.format());
        }
        HubSignatureVerifier signatures = flows.getFlowsAppSecret() == null || flows.getFlowsAppSecret().isBlank()
                ? null : new HubSignatureVerifier(flows.getFlowsAppSecret());
        int maxBodySize = getEndpoint().getConsumerConfiguration().getMaxBodySize();
        FlowsRequestProcessor processor = new FlowsRequestProcessor(path, maxBodySize, signatures,
                new FlowsEnvelopeCipher(key.key()),
                new FlowsReplayGuard(flows.getFlowsReplayWindow(), FlowsReplayGuard.DEFAULT_CAPACITY, System::currentTimeMillis),
                new FlowsRouteInvoker(this, mapper, flows.getFlowsRequestClass()), mapper);

        Endpoint http = getEndpoint().getCamelContext().getEndpoint("platform-http:" + path
                                                                   + "?httpMethodRestrict=POST&muteException=true");
        httpConsumer = http.createConsumer(new ConcurrentRequestLimit(processor,
                getEndpoint().getConsumerConfiguration().getMaxConcurrentRequests(), "kapso:flowsDataEndpoint on " + path));
        if (getRouteId() != null && httpConsumer instanceof RouteIdAware aware) {
            aware.setRouteId(getRouteId());
        }
        ServiceHelper.startService(httpConsumer);
        ServerBodyLimit.warnIfLarger(getEndpoint().getCamelContext(), "kapso:flowsDataEndpoint on " + path, maxBodySize);
        LOG.info("Serving the WhatsApp Flows data endpoint on POST {} ({} key, {} bits; request signatures {})", path,
                key.format(), key.bits(), signatures == null ? "not checked" : "checked");
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopAndShutdownService(httpConsumer);
        httpConsumer = null;
        super.doStop();
    }

    @Override
    protected void doSuspend() throws Exception {
        ServiceHelper.suspendService(httpConsumer);
        super.doSuspend();
    }

    @Override
    protected void doResume() throws Exception {
        ServiceHelper.resumeService(httpConsumer);
        super.doResume();
    }

    static String resolvePath(KapsoConsumerConfiguration cfg) {
        String configured = cfg.getPath();
        if (configured == null || configured.isBlank()) {
            return DEFAULT_PATH;
        }
        String trimmed = configured.trim();
        return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }
}
