package io.github.camelkapso.simulator.webhooks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * Sends webhook requests and keeps their delivery records: retries after 10 s, 40 s and 90 s (scaled by the time
 * factor) on any answer but 200 or a timeout, then failed; per-conversation ordering, where a delivery waits for an
 * earlier undelivered one of its conversation for at most 30 s (scaled); a failed batch falls back to one delivery
 * per item, with new idempotency keys, in the batch's place in the order.
 */
final class Deliveries {

    static final long[] RETRY_DELAYS_MS = {10_000, 40_000, 90_000};
    static final long ORDER_HOLD_MS = 30_000;
    /** The delivery log keeps this many records; beyond it the oldest finished ones are dropped in one sweep. */
    static final int MAX_RECORDS = 50_000;
    private static final int SWEEP = 10_000;

    /** A delivery in flight: its request, its record, and its place in its conversation's order. */
    static final class Delivery {
        final Outgoing request;
        final ObjectNode record;
        final String webhookId;
        /** webhook|conversation for ordered events, else null. */
        final String lane;
        /** The payloads of a batch, re-sent one by one when the batch fails; null for single deliveries. */
        final List<JsonNode> batchItems;
        boolean started;
        boolean finished;
        int attempts;

        Delivery(Outgoing request, ObjectNode record, String webhookId, String lane, List<JsonNode> batchItems) {
            this.request = request;
            this.record = record;
            this.webhookId = webhookId;
            this.lane = lane;
            this.batchItems = batchItems;
        }
    }

    /** Where a delivery came from, for its record. */
    record Origin(String phoneNumberId, String conversationId, String conversationPhoneNumber, String configId) {
        static final Origin PROJECT = new Origin(null, null, null, null);
    }

    private final SimContext ctx;
    private final Store webhooks;
    private final Store records;
    private final WebhookHttp http;
    private final Map<String, LinkedList<Delivery>> lanes = new HashMap<>();

    Deliveries(SimContext ctx, WebhookHttp http) {
        this.ctx = ctx;
        this.webhooks = ctx.state().store(Stores.WEBHOOKS);
        this.records = ctx.state().store(Stores.WEBHOOK_DELIVERIES);
        this.http = http;
    }

    /** Records and starts (or queues behind its conversation) one delivery. */
    Delivery submit(JsonNode webhook, Outgoing request, Origin origin, boolean ordered, long sequence, List<JsonNode> batchItems) {
        String lane = ordered && origin.conversationId() != null ? laneKey(webhook, origin.conversationId()) : null;
        Delivery d = new Delivery(request, record(webhook, request, origin, sequence), webhook.path("id").asText(), lane, batchItems);
        records.put(d.record);
        if (records.size() > MAX_RECORDS) {
            dropOldestFinished();
        }
        if (lane == null) {
            attempt(d);
            return d;
        }
        LinkedList<Delivery> queue = lanes.computeIfAbsent(lane, k -> new LinkedList<>());
        queue.add(d);
        if (queue.size() == 1) {
            attempt(d);
        } else {
            holdAtMostThirtySeconds(d);
        }
        return d;
    }

    private void dropOldestFinished() {
        int drop = SWEEP;
        for (ObjectNode r : records.all()) {
            if (drop == 0) {
                break;
            }
            if (!"pending".equals(r.path("status").asText())) {
                records.remove(r.path("id").asText());
                drop--;
            }
        }
    }

    static String laneKey(JsonNode webhook, String conversationId) {
        return webhook.path("id").asText() + "|" + conversationId;
    }

    private void holdAtMostThirtySeconds(Delivery d) {
        ctx.later(ORDER_HOLD_MS, () -> {
            if (!d.started && !d.finished) {
                attempt(d);
            }
        });
    }

    private ObjectNode record(JsonNode webhook, Outgoing request, Origin origin, long sequence) {
        String now = ctx.clock().iso();
        ObjectNode r = SimState.object();
        r.put("id", Ids.uuid());
        r.put("event", request.event());
        r.put("status", "pending");
        r.putNull("response_status");
        r.putNull("delivered_at");
        r.putNull("failed_at");
        r.putNull("last_attempt_at");
        r.put("attempt_count", 0);
        r.put("created_at", now);
        r.put("webhook_id", webhook.path("id").asText());
        r.put("webhook_url", request.url());
        r.put("whatsapp_config_id", origin.configId());
        r.put("phone_number_id", origin.phoneNumberId() != null ? origin.phoneNumberId() : webhook.path("phone_number_id").asText(null));
        r.put("conversation_phone_number", origin.conversationPhoneNumber());
        r.put("idempotency_key", request.idempotencyKey());
        r.put("payload_version", webhook.path("payload_version").asText(null));
        r.put("batch", request.batch());
        if (request.batch()) {
            r.put("batch_size", request.batchSize());
        }
        if (sequence > 0) {
            r.put("sequence", sequence);
        }
        r.putNull("error");
        return r;
    }

    private void attempt(Delivery d) {
        d.started = true;
        if (!webhooks.contains(d.webhookId)) {
            failed(d, null, "the webhook was deleted before the delivery could be sent");
            return;
        }
        Outgoing r = d.request;
        http.post(r.url(), r.headers(), r.body()).onComplete(ar -> {
            d.attempts++;
            ObjectNode rec = d.record;
            rec.put("attempt_count", d.attempts);
            rec.put("last_attempt_at", ctx.clock().iso());
            Integer status = ar.succeeded() ? ar.result() : null;
            if (status != null) {
                rec.put("response_status", status);
            } else {
                rec.putNull("response_status");
            }
            if (status != null && status == 200) {
                rec.put("status", "delivered");
                rec.put("delivered_at", ctx.clock().iso());
                rec.putNull("error");
                finish(d, List.of());
                return;
            }
            String error = status != null ? "endpoint answered HTTP " + status + " (Kapso expects 200)"
                    : String.valueOf(ar.cause().getMessage() != null ? ar.cause().getMessage() : ar.cause());
            if (d.attempts <= RETRY_DELAYS_MS.length) {
                rec.put("error", error);
                ctx.later(RETRY_DELAYS_MS[d.attempts - 1], () -> attempt(d));
            } else {
                failed(d, status, error);
            }
        });
    }

    private void failed(Delivery d, Integer status, String error) {
        ObjectNode rec = d.record;
        rec.put("status", "failed");
        rec.put("failed_at", ctx.clock().iso());
        rec.put("attempt_count", d.attempts);
        rec.put("error", error);
        finish(d, d.batchItems == null ? List.of() : unbatch(d));
    }

    /** One delivery per item of a failed batch, each with a new idempotency key. */
    private List<Delivery> unbatch(Delivery batch) {
        JsonNode webhook = webhooks.get(batch.webhookId).orElse(null);
        List<Delivery> out = new ArrayList<>();
        if (webhook == null) {
            return out;
        }
        for (JsonNode item : batch.batchItems) {
            Outgoing single = Outgoing.kapso(webhook, batch.request.event(), item);
            ObjectNode rec = record(webhook, single, new Origin(batch.record.path("phone_number_id").asText(null), null,
                    batch.record.path("conversation_phone_number").asText(null), batch.record.path("whatsapp_config_id").asText(null)), 0);
            rec.put("fallback_of", batch.record.path("id").asText());
            records.put(rec);
            out.add(new Delivery(single, rec, batch.webhookId, batch.lane, null));
        }
        return out;
    }

    private void finish(Delivery d, List<Delivery> replacements) {
        d.finished = true;
        if (d.lane == null) {
            replacements.forEach(this::attempt);
            return;
        }
        LinkedList<Delivery> queue = lanes.get(d.lane);
        int at = queue == null ? -1 : queue.indexOf(d);
        if (at < 0) {
            replacements.forEach(this::attempt);
            return;
        }
        queue.addAll(at + 1, replacements);
        queue.remove(at);
        if (queue.isEmpty()) {
            lanes.remove(d.lane);
            return;
        }
        replacements.stream().filter(r -> r != queue.getFirst()).forEach(this::holdAtMostThirtySeconds);
        if (!queue.getFirst().started) {
            attempt(queue.getFirst());
        }
    }
}
