package io.github.camelkapso.simulator.ops.platform;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.messaging.Messaging;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * Sends a broadcast: hands its recipients to the shared messaging model in batches (so a stop takes effect between
 * batches), then follows each message's statuses into its recipient and completes the broadcast when no recipient is
 * pending any more. Scheduled broadcasts start here when their time comes.
 */
final class BroadcastDelivery {

    /** Recipients handed to WhatsApp per batch, and Kapso's pause between batches (before the time factor). */
    static final int BATCH_SIZE = 50;
    static final long BATCH_INTERVAL_MS = 500;
    /** How often a sending broadcast looks at its messages' statuses (before the time factor). */
    static final long TRACK_INTERVAL_MS = 250;

    private final SimContext ctx;
    private final BroadcastBook book;
    private final Store conversations;
    private long scheduleTokens;

    BroadcastDelivery(SimContext ctx, BroadcastBook book) {
        this.ctx = ctx;
        this.book = book;
        this.conversations = ctx.state().store(Stores.CONVERSATIONS);
    }

    /** draft (or a scheduled broadcast whose time came) → sending. */
    void start(ObjectNode broadcast) {
        String now = ctx.clock().iso();
        broadcast.put("status", "sending");
        broadcast.put("started_at", now);
        broadcast.put("updated_at", now);
        broadcast.remove("schedule_token");
        String id = broadcast.path("id").asText();
        ctx.later(0, () -> dispatchBatch(id));
        track(id);
    }

    /** Arms the start of a scheduled broadcast; the wait until {@code at} is scaled by the time factor. */
    void schedule(ObjectNode broadcast, Instant at) {
        long token = ++scheduleTokens;
        broadcast.put("status", "scheduled");
        broadcast.put("scheduled_at", at.toString());
        broadcast.put("schedule_token", token);
        broadcast.put("updated_at", ctx.clock().iso());
        String id = broadcast.path("id").asText();
        long wait = Math.max(0, at.toEpochMilli() - ctx.clock().now().toEpochMilli());
        ctx.later(wait, () -> book.broadcasts.get(id)
                .filter(b -> "scheduled".equals(b.path("status").asText()) && b.path("schedule_token").asLong() == token)
                .ifPresent(this::start));
    }

    /** scheduled → draft: the armed start no longer fires. */
    void unschedule(ObjectNode broadcast) {
        broadcast.put("status", "draft");
        broadcast.putNull("scheduled_at");
        broadcast.remove("schedule_token");
        broadcast.put("updated_at", ctx.clock().iso());
    }

    /** Brings the recipients' statuses up to date with their messages and completes the broadcast when it is done. */
    void refresh(ObjectNode broadcast) {
        List<Store.Entry> recipients = book.recipientsOf(broadcast.path("id").asText());
        boolean pending = false;
        for (Store.Entry e : recipients) {
            sync(e.node());
            pending |= "pending".equals(e.node().path("status").asText());
        }
        if (!pending && "sending".equals(broadcast.path("status").asText())) {
            String now = ctx.clock().iso();
            broadcast.put("status", "completed");
            broadcast.put("completed_at", now);
            broadcast.put("updated_at", now);
        }
    }

    private void track(String id) {
        ctx.later(TRACK_INTERVAL_MS, () -> book.broadcasts.get(id).ifPresent(b -> {
            refresh(b);
            if ("sending".equals(b.path("status").asText())) {
                track(id);
            }
        }));
    }

    private void dispatchBatch(String id) {
        Optional<ObjectNode> found = book.broadcasts.get(id);
        if (found.isEmpty() || !"sending".equals(found.get().path("status").asText())) {
            return;
        }
        ObjectNode broadcast = found.get();
        List<ObjectNode> due = book.recipientsOf(id).stream().map(Store.Entry::node)
                .filter(r -> "pending".equals(r.path("status").asText()) && !r.hasNonNull("message_id")).toList();
        ObjectNode template = book.template(broadcast.path("whatsapp_template_id").asText(null)).orElse(null);
        for (ObjectNode recipient : due.subList(0, Math.min(BATCH_SIZE, due.size()))) {
            send(broadcast, template, recipient);
        }
        if (due.size() > BATCH_SIZE) {
            ctx.later(BATCH_INTERVAL_MS, () -> dispatchBatch(id));
        }
        refresh(broadcast);
    }

    private void send(ObjectNode broadcast, ObjectNode template, ObjectNode recipient) {
        String now = ctx.clock().iso();
        recipient.put("dispatched_at", now);
        recipient.put("updated_at", now);
        if (template == null) {
            fail(recipient, now, "Template no longer exists", null);
            return;
        }
        ObjectNode request = SimState.object();
        request.put("messaging_product", "whatsapp");
        request.put("recipient_type", "individual");
        request.put("to", recipient.path("phone_number").asText());
        request.put("type", "template");
        ObjectNode t = request.putObject("template");
        t.put("name", template.path("name").asText());
        t.putObject("language").put("code", template.path("language").asText(template.path("language_code").asText("en_US")));
        t.set("components", recipient.path("template_components").deepCopy());
        try {
            ObjectNode message = Messaging.of(ctx).send(broadcast.path("phone_number_id").asText(), request);
            recipient.put("message_id", message.path("id").asText());
        } catch (ApiError e) {
            JsonNode error = e.body().path("error");
            ObjectNode details = SimState.object();
            details.put("error_class", "WhatsappApiError");
            if (error.isObject()) {
                details.set("code", error.path("code").deepCopy());
                details.put("message", error.path("message").asText());
                if (error.path("error_data").has("details")) {
                    details.put("details", error.path("error_data").path("details").asText());
                }
                details.put("http_status", e.status());
                if (error.has("fbtrace_id")) {
                    details.put("fbtrace_id", error.path("fbtrace_id").asText());
                }
            } else {
                details.put("message", error.asText());
                details.put("http_status", e.status());
            }
            fail(recipient, now, details.path("message").asText(), details);
        }
    }

    private static void fail(ObjectNode recipient, String at, String message, ObjectNode details) {
        recipient.put("status", "failed");
        recipient.put("failed_at", at);
        recipient.put("error_message", message);
        recipient.set("error_details", details);
    }

    /** Copies what the recipient's message went through (sent, delivered, read, failed, a reply) onto the recipient. */
    private void sync(ObjectNode recipient) {
        String messageId = recipient.path("message_id").asText(null);
        if (messageId == null) {
            return;
        }
        Optional<ObjectNode> message = Messaging.of(ctx).message(messageId);
        if (message.isEmpty()) {
            return;
        }
        JsonNode kapso = message.get().path("kapso");
        boolean changed = false;
        for (JsonNode s : kapso.path("statuses")) {
            String at = Times.fromUnixSeconds(s.path("timestamp").asText());
            switch (s.path("status").asText()) {
                case "sent":
                    changed |= setOnce(recipient, "sent_at", at);
                    break;
                case "delivered":
                    changed |= setOnce(recipient, "sent_at", at) | setOnce(recipient, "delivered_at", at);
                    break;
                case "read":
                    changed |= setOnce(recipient, "sent_at", at) | setOnce(recipient, "delivered_at", at)
                               | setOnce(recipient, "read_at", at);
                    break;
                case "failed":
                    if (setOnce(recipient, "failed_at", at)) {
                        changed = true;
                        JsonNode error = s.path("errors").path(0);
                        ObjectNode details = SimState.object();
                        details.put("error_class", "WhatsappApiError");
                        details.set("code", error.path("code").deepCopy());
                        details.put("message", error.path("message").asText(error.path("title").asText()));
                        if (error.path("error_data").has("details")) {
                            details.put("details", error.path("error_data").path("details").asText());
                        }
                        recipient.put("error_message", details.path("message").asText());
                        recipient.set("error_details", details);
                    }
                    break;
                default:
                    break;
            }
        }
        changed |= noteReply(recipient, kapso.path("whatsapp_conversation_id").asText(null));
        String status = recipient.hasNonNull("failed_at") ? "failed" : recipient.hasNonNull("sent_at") ? "sent" : "pending";
        if (!status.equals(recipient.path("status").asText())) {
            recipient.put("status", status);
            changed = true;
        }
        if (changed) {
            recipient.put("updated_at", ctx.clock().iso());
        }
    }

    private boolean noteReply(ObjectNode recipient, String conversationId) {
        if (recipient.hasNonNull("responded_at") || conversationId == null || recipient.hasNonNull("failed_at")) {
            return false;
        }
        String lastInbound = conversations.get(conversationId).map(c -> c.path("kapso").path("last_inbound_at").asText(null))
                .orElse(null);
        Instant inbound = Times.parse(lastInbound);
        Instant dispatched = Times.parse(recipient.path("dispatched_at").asText(null));
        if (inbound == null || dispatched == null || !inbound.isAfter(dispatched)) {
            return false;
        }
        recipient.put("responded_at", inbound.toString());
        return true;
    }

    private static boolean setOnce(ObjectNode node, String field, String value) {
        if (node.hasNonNull(field) || value == null) {
            return false;
        }
        node.put(field, value);
        return true;
    }
}
