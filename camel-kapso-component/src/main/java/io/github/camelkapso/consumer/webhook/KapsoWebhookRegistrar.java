package io.github.camelkapso.consumer.webhook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.catalog.KapsoCatalog;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.client.EncodedBody;
import io.github.camelkapso.client.KapsoClient;
import io.github.camelkapso.client.KapsoRequest;
import io.github.camelkapso.event.KapsoEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure Kapso has a webhook for a URL: finds one with that URL in the scope's list and updates it (URL, secret,
 * events, buffering), or creates it. One webhook per URL, so restarting a route never piles up duplicates.
 */
final class KapsoWebhookRegistrar {

    private static final Logger LOG = LoggerFactory.getLogger(KapsoWebhookRegistrar.class);

    static final List<String> NUMBER_EVENTS = List.of(KapsoEvents.MESSAGE_RECEIVED, KapsoEvents.MESSAGE_SENT,
            KapsoEvents.MESSAGE_DELIVERED, KapsoEvents.MESSAGE_READ, KapsoEvents.MESSAGE_FAILED,
            KapsoEvents.CONVERSATION_CREATED, KapsoEvents.CONVERSATION_ENDED, KapsoEvents.CONVERSATION_INACTIVE);
    /** project.event is left out: it needs a paid plan, and subscribing to it without one fails with 402. */
    static final List<String> PROJECT_EVENTS = List.of(KapsoEvents.PHONE_NUMBER_CREATED, KapsoEvents.PHONE_NUMBER_DELETED,
            KapsoEvents.WORKFLOW_EXECUTION_HANDOFF, KapsoEvents.WORKFLOW_EXECUTION_FAILED);

    private final KapsoWebhookConfiguration config;
    private final String phoneNumberId;
    private final KapsoClient client;
    private final KapsoCatalog catalog;
    private final ObjectMapper mapper;
    private final int maxPages;

    /** @param phoneNumberId the endpoint's phone number id; required for the phoneNumber scope */
    KapsoWebhookRegistrar(KapsoWebhookConfiguration config, String phoneNumberId, KapsoClient client, KapsoCatalog catalog,
                          ObjectMapper mapper, int maxPages) {
        this.config = config;
        this.phoneNumberId = phoneNumberId;
        this.client = client;
        this.catalog = catalog;
        this.mapper = mapper;
        this.maxPages = maxPages;
    }

    /** Checks the options registration needs, before anything is sent. */
    void checkOptions() {
        if (!isProjectScope() && (phoneNumberId == null || phoneNumberId.isBlank())) {
            throw new IllegalArgumentException("kapso:webhook autoRegister with webhookScope=phoneNumber needs the phoneNumberId"
                                               + " option (on the endpoint or the component); use webhookScope=project for"
                                               + " a project webhook");
        }
        if (isProjectScope() && config.isMeta()) {
            throw new IllegalArgumentException("Kapso meta webhooks belong to one phone number: use webhookScope=phoneNumber"
                                               + " with phoneNumberId for webhookKind=meta");
        }
        if (config.isMeta() && config.isBufferEnabled()) {
            throw new IllegalArgumentException("Kapso does not buffer meta webhooks: bufferEnabled needs webhookKind=kapso");
        }
        Integer window = config.getBufferWindowSeconds();
        if (window != null && (window < 1 || window > 60)) {
            throw new IllegalArgumentException("bufferWindowSeconds must be between 1 and 60, was " + window);
        }
    }

    RegisteredWebhook register(String url, String secret) throws Exception {
        checkOptions();
        JsonNode existing = find(url);
        if (existing != null) {
            String kind = existing.path("kind").asText(KapsoWebhookConfiguration.KIND_KAPSO);
            if (!kind.equals(config.getWebhookKind())) {
                throw new IllegalStateException("The Kapso webhook " + existing.path("id").asText() + " for " + url + " is of kind "
                                                + kind + ", and a webhook's kind cannot change: delete it, or set"
                                                + " webhookKind=" + kind);
            }
            String id = existing.path("id").asText();
            call(isProjectScope() ? "updateProjectWebhook" : "updateWebhook", body(url, secret, false), id);
            LOG.info("Updated Kapso webhook {} for {}", id, url);
            return new RegisteredWebhook(id, url, isProjectScope() ? null : phoneNumberId, false);
        }
        JsonNode answer = call(isProjectScope() ? "createProjectWebhook" : "createWebhook", body(url, secret, true), null);
        String id = answer == null ? null : answer.path("data").path("id").asText(null);
        if (id == null) {
            throw new IllegalStateException("Kapso created the webhook for " + url + " but its answer carried no webhook id");
        }
        LOG.info("Created Kapso webhook {} for {}", id, url);
        return new RegisteredWebhook(id, url, isProjectScope() ? null : phoneNumberId, true);
    }

    void unregister(RegisteredWebhook webhook) throws Exception {
        if (webhook.phoneNumberId() == null) {
            call("deleteProjectWebhook", null, webhook.id());
        } else {
            call("deleteWebhook", null, webhook.id());
        }
        LOG.info("Deleted Kapso webhook {} for {}", webhook.id(), webhook.url());
    }

    private JsonNode find(String url) throws Exception {
        KapsoRequest list = request(isProjectScope() ? "listProjectWebhooks" : "listWebhooks", null, null);
        for (JsonNode webhook : await(client.pages(list, maxPages)).items()) {
            if (url.equals(webhook.path("url").asText(null)) && inScope(webhook)) {
                return webhook;
            }
        }
        return null;
    }

    /** The project list holds number webhooks too; a project webhook is the one without a phone number. */
    private boolean inScope(JsonNode webhook) {
        JsonNode number = webhook.path("phone_number_id");
        if (isProjectScope()) {
            return number.isMissingNode() || number.isNull();
        }
        return number.isMissingNode() || number.isNull() || phoneNumberId.equals(number.asText());
    }

    private Map<String, Object> body(String url, String secret, boolean create) {
        Map<String, Object> webhook = new LinkedHashMap<>();
        webhook.put("url", url);
        webhook.put("secret_key", secret);
        if (create) {
            webhook.put("kind", config.getWebhookKind());
        }
        webhook.put("active", true);
        if (!config.isMeta()) {
            webhook.put("events", events());
            webhook.put("payload_version", config.getPayloadVersion());
            webhook.put("buffer_enabled", config.isBufferEnabled());
            if (config.isBufferEnabled()) {
                webhook.put("buffer_events", List.of(KapsoEvents.MESSAGE_RECEIVED));
                if (config.getBufferWindowSeconds() != null) {
                    webhook.put("buffer_window_seconds", config.getBufferWindowSeconds());
                }
            }
        }
        return webhook;
    }

    /** webhookEvents; else eventTypes, a trailing .* taken as every event of the scope with that prefix; else the scope's. */
    List<String> events() {
        List<String> scopeEvents = isProjectScope() ? PROJECT_EVENTS : NUMBER_EVENTS;
        List<String> chosen = EventTypeFilter.split(config.getWebhookEvents());
        if (chosen.isEmpty()) {
            chosen = new ArrayList<>();
            for (String type : EventTypeFilter.split(config.getEventTypes())) {
                if (type.endsWith("*")) {
                    String prefix = type.substring(0, type.length() - 1);
                    scopeEvents.stream().filter(e -> e.startsWith(prefix)).forEach(chosen::add);
                } else {
                    chosen.add(type);
                }
            }
        }
        return chosen.isEmpty() ? scopeEvents : chosen;
    }

    /** One call, waited for: registration runs while a route starts or stops. */
    private JsonNode call(String operation, Map<String, Object> body, String webhookId) throws Exception {
        return await(client.call(request(operation, body, webhookId))).json();
    }

    private KapsoRequest request(String operation, Map<String, Object> body, String webhookId) throws Exception {
        KapsoOperation op = catalog.require(operation);
        KapsoRequest.Builder request = KapsoRequest.to(op);
        if (!isProjectScope()) {
            request.pathParam("phone_number_id", phoneNumberId);
        }
        if (webhookId != null) {
            request.pathParam("webhook_id", webhookId);
        }
        if (body != null) {
            request.body(EncodedBody.json(op, mapper.valueToTree(body), mapper));
        }
        return request.build();
    }

    private static <T> T await(CompletableFuture<T> call) throws Exception {
        try {
            return call.join();
        } catch (CompletionException e) {
            Throwable cause = KapsoClient.causeOf(e);
            throw cause instanceof Exception ex ? ex : e;
        }
    }

    private boolean isProjectScope() {
        return KapsoWebhookConfiguration.SCOPE_PROJECT.equals(config.getWebhookScope());
    }
}
