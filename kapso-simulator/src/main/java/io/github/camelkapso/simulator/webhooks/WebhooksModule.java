package io.github.camelkapso.simulator.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.ops.QueryFilters;
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * Webhooks (project- and number-scoped), their test deliveries and the delivery log, and the dispatcher that
 * delivers every simulator event to them. Rules:
 * <ul>
 * <li>{@code url} is required and must be an absolute HTTPS URL; the simulator also accepts plain http for loopback
 * hosts (127.0.0.1, localhost, ::1) so local receivers work, and rejects other http URLs (422 naming
 * {@code whatsapp_webhook.url}).</li>
 * <li>{@code secret_key} is required on create through both endpoints, never generated; answers echo it, as the
 * documented answer shape does.</li>
 * <li>{@code kind} is {@code kapso} (default) or {@code meta} and cannot be changed after creation (422).</li>
 * <li>kapso webhooks need at least one event from the catalog of webhooks.md §10 (unknown events are 422); meta
 * webhooks need a {@code phone_number_id}, have their events normalised to [], cannot buffer, have no payload
 * version, and a number has at most one meta webhook (422).</li>
 * <li>Without {@code phone_number_id} a webhook is project-scoped and may subscribe only to project events
 * (whatsapp.phone_number.created/deleted, workflow.execution.handoff/failed, project.event, legacy
 * whatsapp.config.created); with one it is number-scoped and may subscribe only to whatsapp.message.* and
 * whatsapp.conversation.* (422 otherwise). The phone number must exist (404). The simulated plan includes project
 * events, so project.event never answers 402.</li>
 * <li>{@code buffer_window_seconds} 1-60 (default 5 when buffering), {@code max_buffer_size} 1-100 (default 50 when
 * buffering), {@code inactivity_minutes} 1-1440 (default 60), {@code payload_version} v1|v2 (default v2); only
 * whatsapp.message.received can be buffered, and enabling buffering without buffer_events buffers it.
 * Without buffering, buffer_window_seconds and max_buffer_size stay null, as in the documented example.</li>
 * <li>{@code headers} values must be strings; they are added to every delivery but cannot shadow Kapso's own
 * headers.</li>
 * <li>Lists are most recent first and page-paginated; the number list filters by url_contains, kind, active,
 * created_after, created_before; the project list by kind and shows both scopes. Number-path operations answer 404
 * for a webhook of another number. Delete answers 204.</li>
 * <li>Test delivery ({@code POST /whatsapp/webhooks/{id}/test}) answers {@code {"data":{"success":true}}} and queues a
 * delivery of {@code event_type} (which must be one of the webhook's events, else 422) or of its first event, with
 * a sample payload of the documented shape; meta webhooks get a sample Meta text message.</li>
 * <li>Delivery: POST of the exact bytes signed with lowercase hex HMAC-SHA256 keyed with the secret (UTF-8) in
 * X-Webhook-Signature; X-Webhook-Event, X-Idempotency-Key (a UUID per delivery, the same on its retries),
 * X-Webhook-Payload-Version, Content-Type application/json, the webhook's headers. The body is the event payload
 * itself (no envelope).</li>
 * <li>Only an HTTP 200 within 10 s (real time) counts; otherwise retries follow after 10 s, 40 s and 90 s (scaled
 * by the time factor), then the delivery is failed. Every attempt updates the delivery record (status
 * pending/delivered/failed, response_status, attempt_count, last_attempt_at, delivered_at, failed_at, error,
 * idempotency_key).</li>
 * <li>Routing: message and conversation events go only to active number-scoped webhooks of their number that
 * subscribe to them; project events only to active project-scoped webhooks; a v1 project webhook subscribed to
 * whatsapp.config.created hears whatsapp.phone_number.created under that legacy name.</li>
 * <li>Meta webhooks get the raw Meta body of message events (contacts + messages for inbound, statuses for status
 * changes, calls for injected calls) in the {@code whatsapp_business_account} envelope, signed with both
 * X-Hub-Signature-256: sha256=&lt;hex&gt; and X-Webhook-Signature (both keyed with secret_key), with the body's
 * SHA-256 (hex) as X-Idempotency-Key; being Meta's bodies, they carry no X-Webhook-Event or
 * X-Webhook-Payload-Version. Conversation events have no Meta counterpart and are not forwarded.</li>
 * <li>Buffering: with buffer_enabled and whatsapp.message.received in buffer_events, received messages collect per
 * conversation from the first one until the window ends or max_buffer_size is reached, then go as one batch body
 * {type, batch: true, data[], batch_info{size, window_ms, first_sequence, last_sequence, conversation_id}} with
 * X-Webhook-Batch: true and X-Batch-Size; a batch that finally fails is re-sent as individual deliveries with new
 * idempotency keys.</li>
 * <li>Ordering: whatsapp.message.received and whatsapp.message.sent carry a per-conversation sequence; a delivery
 * waits while an earlier one of its conversation is undelivered, at most 30 s (scaled), then goes anyway.</li>
 * <li>whatsapp.conversation.inactive fires once per quiet spell, per subscribed webhook, after its
 * inactivity_minutes (scaled) without an inbound or outbound message in an active conversation.</li>
 * <li>payload_version v1 renders the legacy shape best effort (nested whatsapp_config and whatsapp_config_id instead
 * of phone_number_id; message_type, content, direction, origin at message level), as the docs describe v1 only by
 * its differences.</li>
 * <li>Delivery log ({@code GET /webhook_deliveries}): most recent first, cursor-paginated (limit 1-100, default 20);
 * filters status (pending|delivered|failed), event, webhook_id, errors_only (failed only), period (24h|7d|30d,
 * default 24h); invalid status or period is 422. Records carry the documented fields plus idempotency_key, error,
 * batch, batch_size, sequence and fallback_of; the log keeps the newest 50,000 (older finished ones are dropped).</li>
 * <li>A webhook that cannot be served never fails the API call that raised the event.</li>
 * </ul>
 */
public final class WebhooksModule implements SimulatorModule {

    /** Attributes a client may set (kind and phone_number_id only on create). */
    private static final Set<String> WRITABLE = Set.of("url", "secret_key", "active", "events", "buffer_enabled",
            "buffer_window_seconds", "max_buffer_size", "buffer_events", "inactivity_minutes", "headers", "payload_version");
    private static final Map<String, Duration> PERIODS = Map.of("24h", Duration.ofHours(24), "7d", Duration.ofDays(7),
            "30d", Duration.ofDays(30));
    private static final Set<String> DELIVERY_STATUSES = Set.of("pending", "delivered", "failed");

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        Store webhooks = ctx.state().store(Stores.WEBHOOKS);
        Store deliveries = ctx.state().store(Stores.WEBHOOK_DELIVERIES);
        Store phones = ctx.state().store(Stores.PHONE_NUMBERS);
        WebhookDispatcher dispatcher = WebhookDispatcher.of(ctx);
        ctx.setEvents(dispatcher);

        handlers.on("createProjectWebhook", r -> {
            ObjectNode attrs = r.attributes();
            String phoneNumberId = attrs.hasNonNull("phone_number_id") ? attrs.get("phone_number_id").asText() : null;
            if (phoneNumberId != null) {
                requirePhone(phones, r, phoneNumberId);
            }
            return create(ctx, webhooks, r, attrs, phoneNumberId);
        });
        handlers.on("createWebhook", r -> {
            String phoneNumberId = requirePhone(phones, r, r.path("phone_number_id"));
            return create(ctx, webhooks, r, r.attributes(), phoneNumberId);
        });

        handlers.on("getProjectWebhook", r -> SimResponse.data(200, require(webhooks, r, null)));
        handlers.on("getWebhook", r -> SimResponse.data(200, require(webhooks, r, requirePhone(phones, r, r.path("phone_number_id")))));

        handlers.on("listProjectWebhooks", r -> Paging.page(r, webhooks.newestFirst(QueryFilters.of(r), "created_at"), 100));
        handlers.on("listWebhooks", r -> {
            String phoneNumberId = requirePhone(phones, r, r.path("phone_number_id"));
            Predicate<ObjectNode> filter = QueryFilters.of(r).and(w -> phoneNumberId.equals(w.path("phone_number_id").asText(null)));
            return Paging.page(r, webhooks.newestFirst(filter, "created_at"), 100);
        });

        handlers.on("updateProjectWebhook", r -> update(ctx, webhooks, r, require(webhooks, r, null)));
        handlers.on("updateWebhook", r -> update(ctx, webhooks, r, require(webhooks, r, requirePhone(phones, r, r.path("phone_number_id")))));

        handlers.on("deleteProjectWebhook", r -> {
            webhooks.remove(require(webhooks, r, null).path("id").asText());
            return SimResponse.noContent();
        });
        handlers.on("deleteWebhook", r -> {
            webhooks.remove(require(webhooks, r, requirePhone(phones, r, r.path("phone_number_id"))).path("id").asText());
            return SimResponse.noContent();
        });

        handlers.on("testProjectWebhook", r -> {
            ObjectNode webhook = require(webhooks, r, null);
            String eventType = r.json().path("event_type").asText(null);
            if (!WebhookRules.isMeta(webhook)) {
                if (eventType == null) {
                    eventType = webhook.path("events").path(0).asText();
                } else if (!contains(webhook.path("events"), eventType)) {
                    throw ApiError.invalid(r.operation(), "event_type", "must be one of the webhook's events " + webhook.path("events"));
                }
            }
            dispatcher.test(webhook, eventType);
            ObjectNode data = SimState.object();
            data.put("success", true);
            return SimResponse.data(200, data);
        });

        handlers.on("listWebhookDeliveries", r -> Paging.cursor(r, deliveries.newestFirst(deliveryFilter(ctx, r), "created_at"),
                "created_at", false, 20, 100));
    }

    private static SimResponse create(SimContext ctx, Store webhooks, SimRequest r, ObjectNode attrs, String phoneNumberId) {
        WebhookRules rules = new WebhookRules(r.operation());
        ObjectNode w = WebhookRules.blank();
        copyWritable(attrs, w);
        if (attrs.hasNonNull("kind")) {
            w.set("kind", attrs.get("kind"));
        }
        w.put("phone_number_id", phoneNumberId);
        WebhookRules.normalise(w);
        rules.check(w);
        if (WebhookRules.isMeta(w) && webhooks.find(o -> WebhookRules.isMeta(o) && phoneNumberId.equals(o.path("phone_number_id").asText(null)))
                .isPresent()) {
            throw rules.invalid("kind", "meta is taken: phone number " + phoneNumberId + " already has a meta webhook (at most one per number)");
        }
        String now = ctx.clock().iso();
        w.put("id", Ids.uuid());
        w.put("project_id", ctx.state().projectId());
        w.put("created_at", now);
        w.put("updated_at", now);
        return SimResponse.data(201, webhooks.put(w));
    }

    private static SimResponse update(SimContext ctx, Store webhooks, SimRequest r, ObjectNode webhook) {
        WebhookRules rules = new WebhookRules(r.operation());
        ObjectNode attrs = r.attributes();
        if (attrs.hasNonNull("kind") && !attrs.get("kind").asText().equals(webhook.path("kind").asText())) {
            throw rules.invalid("kind", "cannot be changed after creation (it is " + webhook.path("kind").asText() + ")");
        }
        ObjectNode candidate = webhook.deepCopy();
        copyWritable(attrs, candidate);
        WebhookRules.normalise(candidate);
        rules.check(candidate);
        candidate.put("updated_at", ctx.clock().iso());
        webhook.setAll(candidate);
        return SimResponse.data(200, webhook);
    }

    private static void copyWritable(ObjectNode from, ObjectNode to) {
        from.fields().forEachRemaining(f -> {
            if (WRITABLE.contains(f.getKey())) {
                to.set(f.getKey(), f.getValue().deepCopy());
            }
        });
    }

    /** The webhook of the path; on the number path it must belong to that number. */
    private static ObjectNode require(Store webhooks, SimRequest r, String phoneNumberId) {
        String id = r.path("webhook_id");
        ObjectNode w = webhooks.get(id).orElse(null);
        if (w == null || phoneNumberId != null && !phoneNumberId.equals(w.path("phone_number_id").asText(null))) {
            throw ApiError.notFound(r.operation(), "Webhook " + id);
        }
        return w;
    }

    private static String requirePhone(Store phones, SimRequest r, String phoneNumberId) {
        if (phoneNumberId == null || !phones.contains(phoneNumberId)) {
            throw ApiError.notFound(r.operation(), "Phone number " + phoneNumberId);
        }
        return phoneNumberId;
    }

    private static Predicate<ObjectNode> deliveryFilter(SimContext ctx, SimRequest r) {
        Predicate<ObjectNode> filter = d -> true;
        String status = r.query("status");
        if (status != null && !status.isEmpty()) {
            if (!DELIVERY_STATUSES.contains(status)) {
                throw ApiError.invalid(r.operation(), "status", "must be one of pending, delivered, failed");
            }
            filter = filter.and(d -> status.equals(d.path("status").asText()));
        }
        String event = r.query("event");
        if (event != null && !event.isEmpty()) {
            filter = filter.and(d -> event.equals(d.path("event").asText()));
        }
        String webhookId = r.query("webhook_id");
        if (webhookId != null && !webhookId.isEmpty()) {
            filter = filter.and(d -> webhookId.equals(d.path("webhook_id").asText()));
        }
        if (Boolean.parseBoolean(r.query("errors_only"))) {
            filter = filter.and(d -> "failed".equals(d.path("status").asText()));
        }
        String period = r.query("period") == null || r.query("period").isEmpty() ? "24h" : r.query("period");
        Duration window = PERIODS.get(period);
        if (window == null) {
            throw ApiError.invalid(r.operation(), "period", "must be one of 24h, 7d, 30d");
        }
        Instant since = ctx.clock().now().minus(window);
        return filter.and(d -> !Instant.parse(d.path("created_at").asText()).isBefore(since));
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode e : array) {
            if (e.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
