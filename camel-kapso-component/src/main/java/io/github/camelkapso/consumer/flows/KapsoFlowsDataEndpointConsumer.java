package io.github.camelkapso.consumer.flows;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.KapsoEndpoint;
import io.github.camelkapso.consumer.HmacSha256Signature;
import io.github.camelkapso.consumer.KapsoConsumerConfiguration;
import io.github.camelkapso.consumer.KapsoHttpConsumer;
import io.github.camelkapso.consumer.flows.crypto.FlowsEnvelopeCipher;
import io.github.camelkapso.consumer.flows.crypto.PemPrivateKeyReader.ParsedKey;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a WhatsApp Flows data endpoint ({@code from("kapso:flowsDataEndpoint")}) on Camel's platform-http server: POST
 * requests on {@code path} (default {@value #DEFAULT_PATH}) are verified, decrypted with the business private key and
 * handed to the route as plain JSON; the route's reply is encrypted back. See {@link FlowsRequestProcessor}.
 */
public class KapsoFlowsDataEndpointConsumer extends KapsoHttpConsumer {

    public static final String DEFAULT_PATH = "/kapso/flows";

    private static final Logger LOG = LoggerFactory.getLogger(KapsoFlowsDataEndpointConsumer.class);

    private String path;
    private boolean signaturesChecked;

    public KapsoFlowsDataEndpointConsumer(KapsoEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public String getPath() {
        return path;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        path = resolvePath(getEndpoint().getConsumerConfiguration());
    }

    @Override
    protected String httpOptions() {
        return "httpMethodRestrict=POST&muteException=true";
    }

    @Override
    protected Processor createRequestProcessor() throws Exception {
        KapsoFlowsConfiguration flows = getEndpoint().getFlowsConfiguration();
        ParsedKey key = FlowsPrivateKeyLoader.load(getEndpoint().getCamelContext(), flows);
        if (!key.encrypted() && flows.getFlowsPrivateKeyPassphrase() != null) {
            LOG.warn("flowsPrivateKeyPassphrase is set but the {} private key is not encrypted; the passphrase is not used",
                    key.format());
        }
        HmacSha256Signature signatures = flows.getFlowsAppSecret() == null || flows.getFlowsAppSecret().isBlank()
                ? null : HmacSha256Signature.of("flowsAppSecret", flows.getFlowsAppSecret());
        signaturesChecked = signatures != null;
        ObjectMapper mapper = getEndpoint().getComponent().getObjectMapper();
        LOG.info("Serving the WhatsApp Flows data endpoint on POST {} ({} key, {} bits; request signatures {})", path,
                key.format(), key.bits(), signatures == null ? "not checked" : "checked");
        return new FlowsRequestProcessor(path, getEndpoint().getConsumerConfiguration().getMaxBodySize(), signatures,
                new FlowsEnvelopeCipher(key.key()),
                new FlowsReplayGuard(flows.getFlowsReplayWindow(), FlowsReplayGuard.DEFAULT_CAPACITY, System::currentTimeMillis),
                new FlowsRouteInvoker(this, mapper, flows.getFlowsRequestClass()), mapper);
    }

    @Override
    protected Map<String, Object> healthDetails() {
        return Map.of("signaturesChecked", signaturesChecked);
    }

    /** The path a Flows data endpoint with this configuration serves. */
    public static String resolvePath(KapsoConsumerConfiguration cfg) {
        String configured = cfg.getPath();
        if (configured == null || configured.isBlank()) {
            return DEFAULT_PATH;
        }
        String trimmed = configured.trim();
        return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }
}
