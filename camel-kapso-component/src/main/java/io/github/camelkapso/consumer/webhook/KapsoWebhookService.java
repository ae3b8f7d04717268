package io.github.camelkapso.consumer.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import io.github.camelkapso.KapsoEndpoint;
import io.github.camelkapso.consumer.HmacSha256Signature;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook side of one {@code kapso:webhook} endpoint, shared by the {@code kapso:webhook} consumer and the
 * {@code webhook:kapso:webhook} meta-component path: the secret deliveries are verified with, the registration at
 * Kapso, the idempotency state, and the request handler.
 * <p>
 * The secret is {@code webhookSecret}, or one generated for registration when none is configured: Kapso never
 * generates a secret through its API and shows it only at creation, so a generated one is kept for the endpoint's
 * lifetime and every (re-)registration sends it.
 */
public final class KapsoWebhookService {

    public static final String DEFAULT_PATH = "/kapso/webhooks";

    private static final Logger LOG = LoggerFactory.getLogger(KapsoWebhookService.class);
    private static final int GENERATED_SECRET_BYTES = 32;

    private final KapsoEndpoint endpoint;
    private IdempotencyGate gate;
    private volatile String generatedSecret;
    private volatile RegisteredWebhook registered;

    public KapsoWebhookService(KapsoEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    private KapsoWebhookConfiguration config() {
        return endpoint.getWebhookConsumerConfiguration();
    }

    /** The HTTP path served, from the path option: {@value #DEFAULT_PATH} by default, always starting with a slash. */
    public String path() {
        String path = endpoint.getConsumerConfiguration().getPath();
        if (path == null || path.isBlank()) {
            return DEFAULT_PATH;
        }
        return path.startsWith("/") ? path : "/" + path;
    }

    /**
     * Fails on options that cannot work, with a message naming the option.
     *
     * @param registering whether a registration will run (and may generate the secret)
     */
    public void checkOptions(boolean registering) {
        KapsoWebhookConfiguration config = config();
        String kind = config.getWebhookKind();
        if (!KapsoWebhookConfiguration.KIND_KAPSO.equals(kind) && !KapsoWebhookConfiguration.KIND_META.equals(kind)) {
            throw new IllegalArgumentException("webhookKind must be kapso or meta, was " + kind);
        }
        String scope = config.getWebhookScope();
        if (!KapsoWebhookConfiguration.SCOPE_PHONE_NUMBER.equals(scope) && !KapsoWebhookConfiguration.SCOPE_PROJECT.equals(scope)) {
            throw new IllegalArgumentException("webhookScope must be phoneNumber or project, was " + scope);
        }
        if (endpoint.getConsumerConfiguration().getMaxBodySize() < 1) {
            throw new IllegalArgumentException("maxBodySize must be positive");
        }
        if (!registering && config.getWebhookSecret() == null) {
            throw new IllegalArgumentException("kapso:webhook needs webhookSecret (the secret_key of the Kapso webhook) to"
                                               + " verify deliveries, or autoRegister=true to register the webhook with a"
                                               + " generated one");
        }
        if (registering) {
            registrar().checkOptions();
        }
    }

    /** The secret deliveries are verified with; null until registration generated one, when none is configured. */
    public String secret() {
        String configured = config().getWebhookSecret();
        return configured != null ? configured : generatedSecret;
    }

    /** Whether this endpoint's secret was generated (and so known only to this JVM and Kapso). */
    public boolean isSecretGenerated() {
        return config().getWebhookSecret() == null && generatedSecret != null;
    }

    /** The request handler for the webhook meta-component: events go to {@code next}. */
    public Processor createHandler(Processor next) {
        return createHandler(new NextProcessorRouting(endpoint, next));
    }

    synchronized Processor createHandler(EventRouting routing) {
        if (gate == null) {
            IdempotentRepository repository = config().getWebhookIdempotentRepository();
            if (repository != null) {
                // started like Camel's IdempotentConsumer starts its repository; its owner stops it
                CamelContextAware.trySetCamelContext(repository, endpoint.getCamelContext());
                ServiceHelper.startService(repository);
            }
            gate = new IdempotencyGate(repository);
        }
        return new WebhookRequestHandler(config(), endpoint.getConsumerConfiguration().getMaxBodySize(), this::secret, gate,
                routing, endpoint.getComponent().getObjectMapper());
    }

    /**
     * Creates or updates the Kapso webhook for {@code url}. Kapso's errors fail with Kapso's message (the secret never
     * appears in it).
     */
    public synchronized void register(String url) throws Exception {
        checkUrl(url);
        if (secret() == null) {
            byte[] random = new byte[GENERATED_SECRET_BYTES];
            new SecureRandom().nextBytes(random);
            generatedSecret = HexFormat.of().formatHex(random);
            LOG.info("kapso:webhook generated a secret_key for the webhook at {} (not logged)", url);
        }
        // during a rotation (webhookSecret=new,old) deliveries verify under either, and Kapso is given the first
        String secret = HmacSha256Signature.current(secret());
        try {
            registered = registrar().register(url, secret);
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace(secret, "xxxxxx");
            throw new IllegalStateException("Could not register the Kapso webhook for " + url + ": " + message, e);
        }
    }

    /** The registration this endpoint made at Kapso, if any: its webhook id and URL (never the secret). */
    public java.util.Optional<Map<String, String>> registration() {
        RegisteredWebhook webhook = registered;
        return webhook == null ? java.util.Optional.empty()
                : java.util.Optional.of(Map.of("webhookId", webhook.id(), "webhookUrl", webhook.url()));
    }

    /** Deletes the webhook registration made, when unregisterOnStop is set. */
    public synchronized void unregister() throws Exception {
        RegisteredWebhook webhook = registered;
        if (webhook == null || !config().isUnregisterOnStop()) {
            return;
        }
        registered = null;
        registrar().unregister(webhook);
    }

    /**
     * The URL to register: publicUrl, with the consumer's path appended when it has none of its own.
     *
     * @param fallback the URL to use when publicUrl is not set (the webhook meta-component's), or null
     */
    public String publicUrl(String fallback) {
        String configured = config().getPublicUrl();
        if (configured == null || configured.isBlank()) {
            if (fallback == null) {
                throw new IllegalArgumentException("kapso:webhook autoRegister needs publicUrl: the public https:// URL Kapso"
                                                   + " delivers to, e.g. https://example.com (the path " + path()
                                                   + " is appended)");
            }
            return fallback;
        }
        URI uri;
        try {
            uri = new URI(configured.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("publicUrl is not a valid URL: " + e.getMessage(), e);
        }
        String rawPath = uri.getRawPath();
        if (rawPath == null || rawPath.isEmpty() || "/".equals(rawPath)) {
            String base = configured.strip();
            return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path();
        }
        return configured.strip();
    }

    void checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("publicUrl is not a valid URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("publicUrl must be an absolute https:// URL, was " + url);
        }
        if (scheme.equals("http") && !config().isAllowInsecureUrl()) {
            throw new IllegalArgumentException("publicUrl " + url + " is not HTTPS: Kapso only delivers webhooks to https://"
                                               + " URLs. Set allowInsecureUrl=true to register it anyway (a local Kapso"
                                               + " simulator)");
        }
    }

    private KapsoWebhookRegistrar registrar() {
        return new KapsoWebhookRegistrar(config(), endpoint.getConfiguration().getPhoneNumberId(), endpoint.getClient(),
                endpoint.getComponent().getCatalog(), endpoint.getComponent().getObjectMapper(),
                endpoint.getConfiguration().getMaxPages());
    }
}
