package io.github.camelkapso.consumer.webhook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.event.KapsoEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure Kapso has a webhook for a URL: finds one with that URL in the scope's list and updates it (URL, secret,
 * events, buffering), or creates it. One webhook per URL, so restarting a route never piles up duplicates.
 */
final class KapsoWebhookRegistrar {

    private static final Logger LOG = LoggerFactory.getLogger(KapsoWebhookRegistrar.class);
    private static final String WEBHOOK_ID = "CamelKapsoWebhookId";

    static final List<String> NUMBER_EVENTS = List.of(KapsoEvents.MESSAGE_RECEIVED, KapsoEvents.MESSAGE_SENT,
            KapsoEvents.MESSAGE_DELIVERED, KapsoEvents.MESSAGE_READ, KapsoEvents.MESSAGE_FAILED,
            KapsoEvents.CONVERSATION_CREATED, KapsoEvents.CONVERSATION_ENDED, KapsoEvents.CONVERSATION_INACTIVE);
    /** project.event is left out: it needs a paid plan, and subscribing to it without one fails with 402. */
    static final List<String> PROJECT_EVENTS = List.of(KapsoEvents.PHONE_NUMBER_CREATED, KapsoEvents.PHONE_NUMBER_DELETED,
            KapsoEvents.WORKFLOW_EXECUTION_HANDOFF, KapsoEvents.WORKFLOW_EXECUTION_FAILED);

    private final KapsoWebhookConfiguration config;
    private final String phoneNumberId;
    private final KapsoOperationCaller caller;

    /** @param phoneNumberId the endpoint's phone number id; required for the phoneNumber scope */
    KapsoWebhookRegistrar(KapsoWebhookConfiguration config, String phoneNumberId, KapsoOperationCaller caller) {
        this.config = config;
        this.phoneNumberId = phoneNumberId;
        this.caller = caller;
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
            call(isProjectScope() ? "updateProjectWebhook" : "updateWebhook", body(url, secret, false), id, false);
            LOG.info("Updated Kapso webhook {} for {}", id, url);
            return new RegisteredWebhook(id, url, isProjectScope() ? null : phoneNumberId, false);
        }
        Object answer = call(isProjectScope() ? "createProjectWebhook" : "createWebhook", body(url, secret, true), null, false);
        JsonNode created = answer instanceof JsonNode json ? json.path("data") : null;
        String id = created == null ? null : created.path("id").asText(null);
        if (id == null) {
            throw new IllegalStateException("Kapso created the webhook for " + url + " but its answer carried no webhook id");
        }
        LOG.info("Created Kapso webhook {} for {}", id, url);
        return new RegisteredWebhook(id, url, isProjectScope() ? null : phoneNumberId, true);
    }

    void unregister(RegisteredWebhook webhook) throws Exception {
        if (webhook.phoneNumberId() == null) {
            call("deleteProjectWebhook", null, webhook.id(), false);
        } else {
            call("deleteWebhook", null, webhook.id(), false);
        }
        LOG.info("Deleted Kapso webhook {} for {}", webhook.id(), webhook.url());
    }

    private JsonNode find(String url) throws Exception {
        Object answer = call(isProjectScope() ? "listProjectWebhooks" : "listWebhooks", null, null, true);
        if (!(answer instanceof List<?> items)) {
            return null;
        }
        for (Object item : items) {
            if (item instanceof JsonNode webhook && url.equals(webhook.path("url").asText(null)) && inScope(webhook)) {
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

    private Object call(String operation, Object body, String webhookId, boolean allPages) throws Exception {
        Map<String, Object> headers = new LinkedHashMap<>();
        if (!isProjectScope()) {
            headers.put(KapsoConstants.PHONE_NUMBER_ID, phoneNumberId);
        }
        if (webhookId != null) {
            headers.put(WEBHOOK_ID, webhookId);
        }
        return caller.call(operation, body, headers, allPages);
    }

    private boolean isProjectScope() {
        return KapsoWebhookConfiguration.SCOPE_PROJECT.equals(config.getWebhookScope());
    }
}
