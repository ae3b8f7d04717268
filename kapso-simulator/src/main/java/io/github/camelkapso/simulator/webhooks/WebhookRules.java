package io.github.camelkapso.simulator.webhooks;

import java.net.URI;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.state.SimState;

/**
 * The documented rules of a webhook configuration that the request schema cannot express, checked on the merged
 * record (create: defaults + request; update: stored record + request), and the defaults Kapso fills in.
 */
final class WebhookRules {

    static final String WRAPPER = "whatsapp_webhook";
    static final int DEFAULT_BUFFER_WINDOW_SECONDS = 5;
    static final int DEFAULT_MAX_BUFFER_SIZE = 50;
    static final int DEFAULT_INACTIVITY_MINUTES = 60;

    /** The answer's field order, as the documented examples list them. */
    private static final String[] FIELDS = {"id", "url", "kind", "events", "active", "secret_key", "headers", "buffer_enabled",
        "buffer_window_seconds", "max_buffer_size", "buffer_events", "inactivity_minutes", "payload_version", "project_id",
        "phone_number_id", "created_at", "updated_at"};

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    private final KapsoOperation op;

    WebhookRules(KapsoOperation op) {
        this.op = op;
    }

    /** A blank webhook with every documented field, before the request's attributes are merged in. */
    static ObjectNode blank() {
        ObjectNode w = SimState.object();
        for (String f : FIELDS) {
            w.putNull(f);
        }
        w.putArray("events");
        w.putArray("buffer_events");
        return w;
    }

    /** Fills Kapso's defaults and normalises meta webhooks (events always empty, no buffering, no payload version). */
    static ObjectNode normalise(ObjectNode w) {
        if (w.path("kind").isNull()) {
            w.put("kind", "kapso");
        }
        if (!w.path("active").isBoolean()) {
            w.put("active", true);
        }
        if (!w.path("headers").isObject()) {
            w.putObject("headers");
        }
        if (!w.path("buffer_enabled").isBoolean()) {
            w.put("buffer_enabled", false);
        }
        if (!w.path("buffer_events").isArray()) {
            w.putArray("buffer_events");
        }
        if (!w.path("events").isArray()) {
            w.putArray("events");
        }
        w.set("events", distinct((ArrayNode) w.get("events")));
        if (w.path("inactivity_minutes").isNull()) {
            w.put("inactivity_minutes", DEFAULT_INACTIVITY_MINUTES);
        }
        if (isMeta(w)) {
            w.putArray("events");
            w.putArray("buffer_events");
            w.putNull("payload_version");
            return w;
        }
        if (w.path("payload_version").isNull()) {
            w.put("payload_version", "v2");
        }
        if (w.path("buffer_enabled").asBoolean()) {
            if (w.path("buffer_window_seconds").isNull()) {
                w.put("buffer_window_seconds", DEFAULT_BUFFER_WINDOW_SECONDS);
            }
            if (w.path("max_buffer_size").isNull()) {
                w.put("max_buffer_size", DEFAULT_MAX_BUFFER_SIZE);
            }
            if (w.get("buffer_events").isEmpty()) {
                w.putArray("buffer_events").add(WebhookEvents.MESSAGE_RECEIVED);
            }
        }
        return w;
    }

    static boolean isMeta(JsonNode w) {
        return "meta".equals(w.path("kind").asText());
    }

    /** Rejects what Kapso rejects, naming the field and the rule (422). */
    void check(ObjectNode w) {
        checkUrl(w.path("url").asText(null));
        JsonNode secret = w.get("secret_key");
        if (secret == null || secret.isNull() || secret.asText().isBlank()) {
            throw invalid("secret_key", "is required (Kapso never generates one through the API)");
        }
        String phoneNumberId = w.path("phone_number_id").asText(null);
        boolean meta = isMeta(w);
        if (meta && phoneNumberId == null) {
            throw invalid("phone_number_id", "is required for meta webhooks (they forward one number's Meta events)");
        }
        if (meta && w.path("buffer_enabled").asBoolean()) {
            throw invalid("buffer_enabled", "is not supported for meta webhooks");
        }
        if (!meta) {
            checkEvents(w, phoneNumberId);
        }
        checkRange(w, "buffer_window_seconds", 1, 60);
        checkRange(w, "max_buffer_size", 1, 100);
        checkRange(w, "inactivity_minutes", 1, 1440);
        String version = w.path("payload_version").asText(null);
        if (!meta && version != null && !version.equals("v1") && !version.equals("v2")) {
            throw invalid("payload_version", "must be v1 or v2");
        }
        checkHeaders(w.path("headers"));
    }

    private void checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw invalid("url", "is required");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw invalid("url", "must be an absolute https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw invalid("url", "must be an absolute https URL");
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            throw invalid("url", "must use HTTPS (the simulator accepts plain http only for loopback hosts such as 127.0.0.1 and localhost)");
        }
    }

    private static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return LOOPBACK.contains(h) || h.startsWith("127.");
    }

    private void checkEvents(ObjectNode w, String phoneNumberId) {
        JsonNode events = w.path("events");
        if (events.isEmpty()) {
            throw invalid("events", "must contain at least one event for kapso webhooks");
        }
        WebhookEvents.Scope scope = phoneNumberId == null ? WebhookEvents.Scope.PROJECT : WebhookEvents.Scope.NUMBER;
        for (JsonNode e : events) {
            String event = e.asText();
            if (!WebhookEvents.known(event)) {
                throw invalid("events", "contains an unknown event " + event + "; known events: " + WebhookEvents.names());
            }
            if (WebhookEvents.scope(event, null) != scope) {
                throw invalid("events", scope == WebhookEvents.Scope.PROJECT
                        ? "cannot include " + event + " on a project-scoped webhook: message and conversation events are delivered only to"
                          + " number-scoped webhooks (give a phone_number_id)"
                        : "cannot include " + event + " on a number-scoped webhook: project events are delivered only to project-scoped"
                          + " webhooks (omit phone_number_id)");
            }
        }
        for (JsonNode e : w.path("buffer_events")) {
            if (!WebhookEvents.bufferable(e.asText())) {
                throw invalid("buffer_events", "contains " + e.asText() + "; only " + WebhookEvents.MESSAGE_RECEIVED + " can be buffered");
            }
        }
    }

    private void checkRange(ObjectNode w, String field, int min, int max) {
        JsonNode v = w.get(field);
        if (v != null && !v.isNull() && (v.asInt() < min || v.asInt() > max)) {
            throw invalid(field, "must be between " + min + " and " + max);
        }
    }

    private void checkHeaders(JsonNode headers) {
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> h = it.next();
            if (h.getValue().isContainerNode() || h.getValue().isNull()) {
                throw invalid("headers." + h.getKey(), "must be a string");
            }
            if (!h.getKey().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw invalid("headers", "has an invalid header name " + h.getKey());
            }
        }
    }

    ApiError invalid(String field, String rule) {
        return ApiError.invalid(op, WRAPPER + "." + field, rule);
    }

    private static ArrayNode distinct(ArrayNode events) {
        Set<String> seen = new LinkedHashSet<>();
        events.forEach(e -> seen.add(e.asText()));
        ArrayNode out = SimState.object().arrayNode();
        seen.forEach(out::add);
        return out;
    }
}
