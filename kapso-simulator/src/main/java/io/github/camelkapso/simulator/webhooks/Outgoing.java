package io.github.camelkapso.simulator.webhooks;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.simulator.state.Ids;

/**
 * One webhook request ready to send: the exact body bytes and the headers signed over them (webhooks.md §3-§5).
 * Retries send the same bytes and headers, so the idempotency key stays the same.
 */
record Outgoing(String event, String url, byte[] body, Map<String, String> headers, String idempotencyKey, boolean batch,
                int batchSize) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A kapso-kind delivery of one event payload (no {event, data} envelope: the header names the event). */
    static Outgoing kapso(JsonNode webhook, String event, JsonNode payload) {
        return kapsoBody(webhook, event, payload, false, 0);
    }

    /** A kapso-kind batch of buffered events (§7). */
    static Outgoing batch(JsonNode webhook, String event, JsonNode batchBody, int size) {
        return kapsoBody(webhook, event, batchBody, true, size);
    }

    /**
     * A meta-kind delivery: the raw Meta body, signed both the Meta way (X-Hub-Signature-256: sha256=hex) and the
     * Kapso way (X-Webhook-Signature: hex), both keyed with the webhook's secret; the idempotency key is the SHA-256
     * of the body (§5).
     */
    static Outgoing meta(JsonNode webhook, String event, JsonNode metaBody) {
        byte[] body = bytes(metaBody);
        String signature = Signatures.hmacSha256Hex(webhook.path("secret_key").asText(), body);
        String key = Signatures.sha256Hex(body);
        Map<String, String> headers = customHeaders(webhook);
        headers.put("Content-Type", "application/json");
        headers.put("X-Hub-Signature-256", "sha256=" + signature);
        headers.put("X-Webhook-Signature", signature);
        headers.put("X-Idempotency-Key", key);
        return new Outgoing(event, webhook.path("url").asText(), body, headers, key, false, 0);
    }

    private static Outgoing kapsoBody(JsonNode webhook, String event, JsonNode payload, boolean batch, int size) {
        byte[] body = bytes(payload);
        String key = Ids.uuid();
        Map<String, String> headers = customHeaders(webhook);
        headers.put("Content-Type", "application/json");
        headers.put("X-Webhook-Event", event);
        headers.put("X-Webhook-Signature", Signatures.hmacSha256Hex(webhook.path("secret_key").asText(), body));
        headers.put("X-Idempotency-Key", key);
        headers.put("X-Webhook-Payload-Version", webhook.path("payload_version").asText("v2"));
        if (batch) {
            headers.put("X-Webhook-Batch", "true");
            headers.put("X-Batch-Size", String.valueOf(size));
        }
        return new Outgoing(event, webhook.path("url").asText(), body, headers, key, batch, size);
    }

    /** The webhook's static headers, minus any that would shadow the ones Kapso sets. */
    private static Map<String, String> customHeaders(JsonNode webhook) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = webhook.path("headers").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> h = it.next();
            String lower = h.getKey().toLowerCase(Locale.ROOT);
            if (!lower.startsWith("x-webhook-") && !lower.equals("x-idempotency-key") && !lower.equals("x-batch-size")
                && !lower.equals("x-hub-signature-256") && !lower.equals("content-type") && !lower.equals("content-length")) {
                headers.put(h.getKey(), h.getValue().asText());
            }
        }
        return headers;
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
