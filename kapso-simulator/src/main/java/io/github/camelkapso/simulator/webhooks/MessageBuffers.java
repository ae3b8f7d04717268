package io.github.camelkapso.simulator.webhooks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkapso.simulator.SimContext;

/**
 * Kapso's message buffering (webhooks.md §7): per webhook and conversation, buffered events collect from the first
 * one until the webhook's window ends (buffer_window_seconds, scaled by the time factor) or max_buffer_size items
 * are waiting, whichever comes first; then the batch is handed on.
 */
final class MessageBuffers {

    /** The items of one buffer, in arrival order, with their ordering sequences. */
    record Batch(String webhookId, String conversationId, String event, List<JsonNode> items, long firstSequence, long lastSequence,
                 long windowMillis, Deliveries.Origin origin) {
    }

    interface Flush {
        void send(Batch batch);
    }

    private static final class Pending {
        final List<JsonNode> items = new ArrayList<>();
        long firstSequence;
        long lastSequence;
        long timer = -1;
        Deliveries.Origin origin;
    }

    private final SimContext ctx;
    private final Flush flush;
    private final Map<String, Pending> pending = new HashMap<>();

    MessageBuffers(SimContext ctx, Flush flush) {
        this.ctx = ctx;
        this.flush = flush;
    }

    static boolean buffers(JsonNode webhook, String event) {
        if (!webhook.path("buffer_enabled").asBoolean() || WebhookRules.isMeta(webhook) || !WebhookEvents.bufferable(event)) {
            return false;
        }
        for (JsonNode e : webhook.path("buffer_events")) {
            if (e.asText().equals(event)) {
                return true;
            }
        }
        return false;
    }

    void add(JsonNode webhook, String event, String conversationId, JsonNode payload, long sequence, Deliveries.Origin origin) {
        String webhookId = webhook.path("id").asText();
        String key = webhookId + "|" + conversationId + "|" + event;
        Pending p = pending.computeIfAbsent(key, k -> new Pending());
        if (p.items.isEmpty()) {
            p.firstSequence = sequence;
            long window = windowMillis(webhook);
            p.timer = ctx.vertx().setTimer(ctx.clock().scaled(window), t -> flush(key, webhookId, conversationId, event, window));
        }
        p.items.add(payload);
        p.lastSequence = sequence;
        p.origin = origin;
        int max = webhook.path("max_buffer_size").asInt(WebhookRules.DEFAULT_MAX_BUFFER_SIZE);
        if (p.items.size() >= max) {
            ctx.vertx().cancelTimer(p.timer);
            flush(key, webhookId, conversationId, event, windowMillis(webhook));
        }
    }

    private static long windowMillis(JsonNode webhook) {
        return webhook.path("buffer_window_seconds").asLong(WebhookRules.DEFAULT_BUFFER_WINDOW_SECONDS) * 1000L;
    }

    private void flush(String key, String webhookId, String conversationId, String event, long window) {
        Pending p = pending.remove(key);
        if (p == null || p.items.isEmpty()) {
            return;
        }
        flush.send(new Batch(webhookId, conversationId, event, p.items, p.firstSequence, p.lastSequence, window, p.origin));
    }
}
