package io.github.camelkapso.consumer.webhook;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Options of the webhook consumer ({@code kapso:webhook}). */
@UriParams
public class KapsoWebhookConfiguration implements Cloneable {

    public static final String KIND_KAPSO = "kapso";
    public static final String KIND_META = "meta";
    public static final String SCOPE_PHONE_NUMBER = "phoneNumber";
    public static final String SCOPE_PROJECT = "project";

    @UriParam(label = "consumer,webhook", enums = "kapso,meta", defaultValue = "kapso",
              description = "What the webhook delivers: kapso (Kapso event payloads signed in X-Webhook-Signature) or meta"
                            + " (Meta's webhook body forwarded as is, signed in X-Hub-Signature-256 or X-Webhook-Signature;"
                            + " GET hub.challenge handshakes answered). Also the kind registered with autoRegister.")
    private String webhookKind = KIND_KAPSO;
    @UriParam(label = "consumer,webhook,security", secret = true,
              description = "The webhook's secret_key: deliveries whose HMAC-SHA256 signature does not match are answered"
                            + " 401 and never reach the route. For a meta webhook, the Meta app secret or the Kapso"
                            + " secret_key. Several separated by commas while rotating: a delivery signed with any of"
                            + " them is accepted, and autoRegister registers the first. Required unless autoRegister"
                            + " generates one.")
    private String webhookSecret;
    @UriParam(label = "consumer,webhook,security", secret = true,
              description = "Meta's hub.verify_token: a GET handshake with this token is answered with its hub.challenge,"
                            + " any other token with 403 (webhookKind=meta).")
    private String verifyToken;
    @UriParam(label = "consumer,webhook", defaultValue = "true",
              description = "Split a batched delivery (message buffering) into one exchange per event, and a Meta delivery"
                            + " into one exchange per message, status or call; false keeps a delivery as one exchange.")
    private boolean splitBatch = true;
    @UriParam(label = "consumer,webhook",
              description = "Comma-separated event names to process, e.g. whatsapp.message.received,whatsapp.message.failed"
                            + " (a trailing .* matches a prefix: whatsapp.message.*). Other events are answered 200 and"
                            + " not processed. Empty processes all.")
    private String eventTypes;
    @UriParam(label = "consumer,webhook",
              description = "Remembers the key of every event processed (CamelKapsoIdempotencyKey, built from the signed"
                            + " payload's ids), so a retried or replayed delivery is answered 200 without running the route"
                            + " again. A key is added before the route runs and"
                            + " removed if it fails, so Kapso's retry processes it.")
    private IdempotentRepository webhookIdempotentRepository;
    @UriParam(label = "consumer,webhook",
              description = "Comma-separated names of request headers copied to the exchange, case-insensitive, e.g. the"
                            + " custom headers configured on the Kapso webhook (X-Tenant,X-Source). No other request"
                            + " header reaches the route, nor any query parameter; Kapso's delivery and signature headers"
                            + " are never copied (their facts are in the CamelKapso* headers).")
    private String webhookForwardHeaders;

    @UriParam(label = "consumer,webhook,registration", defaultValue = "false",
              description = "Create (or update) the Kapso webhook for publicUrl when the route starts, through the Kapso API"
                            + " with this component's apiKey. Without webhookSecret a random secret_key is generated for"
                            + " it.")
    private boolean autoRegister;
    @UriParam(label = "consumer,webhook,registration",
              description = "The public HTTPS URL Kapso delivers to (autoRegister). A URL without a path gets the consumer's"
                            + " path appended: https://example.com becomes https://example.com/kapso/webhooks.")
    private String publicUrl;
    @UriParam(label = "consumer,webhook,registration", enums = "phoneNumber,project", defaultValue = "phoneNumber",
              description = "Register a webhook for one phone number (phoneNumberId; message and conversation events) or for"
                            + " the project (number lifecycle and workflow events).")
    private String webhookScope = SCOPE_PHONE_NUMBER;
    @UriParam(label = "consumer,webhook,registration",
              description = "Comma-separated events to subscribe the registered webhook to. Defaults to eventTypes when set,"
                            + " else every message and conversation event (phoneNumber scope) or the number lifecycle and"
                            + " workflow events (project scope). Ignored for meta webhooks.")
    private String webhookEvents;
    @UriParam(label = "consumer,webhook,registration", enums = "v1,v2", defaultValue = "v2",
              description = "The payload version of the registered webhook.")
    private String payloadVersion = "v2";
    @UriParam(label = "consumer,webhook,registration", defaultValue = "false",
              description = "Let Kapso buffer whatsapp.message.received per conversation and deliver them in batches.")
    private boolean bufferEnabled;
    @UriParam(label = "consumer,webhook,registration",
              description = "The buffering window in seconds, 1 to 60 (Kapso's default is 5).")
    private Integer bufferWindowSeconds;
    @UriParam(label = "consumer,webhook,registration", defaultValue = "false",
              description = "Accept a plain http:// publicUrl (local tests against a Kapso simulator). Kapso itself only"
                            + " delivers to HTTPS.")
    private boolean allowInsecureUrl;
    @UriParam(label = "consumer,webhook,registration", defaultValue = "false",
              description = "Delete the registered webhook when the route stops.")
    private boolean unregisterOnStop;

    public KapsoWebhookConfiguration copy() {
        try {
            return (KapsoWebhookConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isMeta() {
        return KIND_META.equals(webhookKind);
    }

    public String getWebhookKind() {
        return webhookKind;
    }

    public void setWebhookKind(String webhookKind) {
        this.webhookKind = webhookKind;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    /** Surrounding whitespace is dropped: a secret read from a file or an environment often ends with a line break. */
    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret.strip();
    }

    public String getVerifyToken() {
        return verifyToken;
    }

    public void setVerifyToken(String verifyToken) {
        this.verifyToken = verifyToken;
    }

    public boolean isSplitBatch() {
        return splitBatch;
    }

    public void setSplitBatch(boolean splitBatch) {
        this.splitBatch = splitBatch;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
    }

    public String getWebhookForwardHeaders() {
        return webhookForwardHeaders;
    }

    public void setWebhookForwardHeaders(String webhookForwardHeaders) {
        this.webhookForwardHeaders = webhookForwardHeaders;
    }

    public IdempotentRepository getWebhookIdempotentRepository() {
        return webhookIdempotentRepository;
    }

    public void setWebhookIdempotentRepository(IdempotentRepository webhookIdempotentRepository) {
        this.webhookIdempotentRepository = webhookIdempotentRepository;
    }

    public boolean isAutoRegister() {
        return autoRegister;
    }

    public void setAutoRegister(boolean autoRegister) {
        this.autoRegister = autoRegister;
    }

    public String getPublicUrl() {
        return publicUrl;
    }

    public void setPublicUrl(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    public String getWebhookScope() {
        return webhookScope;
    }

    public void setWebhookScope(String webhookScope) {
        this.webhookScope = webhookScope;
    }

    public String getWebhookEvents() {
        return webhookEvents;
    }

    public void setWebhookEvents(String webhookEvents) {
        this.webhookEvents = webhookEvents;
    }

    public String getPayloadVersion() {
        return payloadVersion;
    }

    public void setPayloadVersion(String payloadVersion) {
        this.payloadVersion = payloadVersion;
    }

    public boolean isBufferEnabled() {
        return bufferEnabled;
    }

    public void setBufferEnabled(boolean bufferEnabled) {
        this.bufferEnabled = bufferEnabled;
    }

    public Integer getBufferWindowSeconds() {
        return bufferWindowSeconds;
    }

    public void setBufferWindowSeconds(Integer bufferWindowSeconds) {
        this.bufferWindowSeconds = bufferWindowSeconds;
    }

    public boolean isAllowInsecureUrl() {
        return allowInsecureUrl;
    }

    public void setAllowInsecureUrl(boolean allowInsecureUrl) {
        this.allowInsecureUrl = allowInsecureUrl;
    }

    public boolean isUnregisterOnStop() {
        return unregisterOnStop;
    }

    public void setUnregisterOnStop(boolean unregisterOnStop) {
        this.unregisterOnStop = unregisterOnStop;
    }

    @Override
    public String toString() {
        return "KapsoWebhookConfiguration[kind=" + webhookKind + ", webhookSecret=" + (webhookSecret == null ? "<unset>" : "xxxxxx")
               + ", verifyToken=" + (verifyToken == null ? "<unset>" : "xxxxxx") + ", splitBatch=" + splitBatch
               + ", eventTypes=" + eventTypes + ", autoRegister=" + autoRegister + ", publicUrl=" + publicUrl + "]";
    }
}
