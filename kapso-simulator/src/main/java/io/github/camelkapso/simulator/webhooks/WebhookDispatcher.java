package io.github.camelkapso.simulator.webhooks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimEvents;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the simulator's events into webhook deliveries. Message and conversation events go only to active
 * number-scoped webhooks of their number (kapso kind: when subscribed to the event; meta kind: the raw Meta body
 * of message events), project events only to active project-scoped kapso webhooks subscribed to them. Payloads
 * are rendered in the webhook's payload version, buffered when the webhook buffers the event, and handed to
 * {@link Deliveries}.
 */
public final class WebhookDispatcher implements SimEvents {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final SimContext ctx;
    private final Store webhooks;
    private final Deliveries deliveries;
    private final MessageBuffers buffers;
    private final InactivityWatch inactivity;
    /** The last ordering sequence per webhook and conversation. */
    private final Map<String, Long> sequences = new HashMap<>();

    private WebhookDispatcher(SimContext ctx) {
        this.ctx = ctx;
        this.webhooks = ctx.state().store(Stores.WEBHOOKS);
        this.deliveries = new Deliveries(ctx, new WebhookHttp(ctx.vertx()));
        this.buffers = new MessageBuffers(ctx, this::sendBatch);
        this.inactivity = new InactivityWatch(ctx, (webhook, conversationId, payload) ->
                deliverKapso(webhook, WebhookEvents.CONVERSATION_INACTIVE, payload, origin(payload, conversationId)));
    }

    /** The dispatcher of a simulator instance. */
    public static WebhookDispatcher of(SimContext ctx) {
        return ctx.shared(WebhookDispatcher.class, () -> new WebhookDispatcher(ctx));
    }

    @Override
    public void emit(String eventType, String phoneNumberId, String conversationId, ObjectNode payload) {
        if (WebhookEvents.scope(eventType, phoneNumberId) == WebhookEvents.Scope.PROJECT) {
            project(eventType, payload);
            return;
        }
        if (phoneNumberId == null) {
            return;
        }
        Deliveries.Origin origin = origin(payload, conversationId);
        PhoneIdentity phone = PhoneIdentity.of(ctx, phoneNumberId);
        for (Store.Entry e : webhooks.oldestFirst(w -> w.path("active").asBoolean()
                                                       && phoneNumberId.equals(w.path("phone_number_id").asText(null)))) {
            ObjectNode webhook = e.node();
            isolated(webhook, eventType, () -> {
                if (WebhookRules.isMeta(webhook)) {
                    ObjectNode body = MetaEnvelope.forEvent(eventType, payload, phone);
                    if (body != null) {
                        deliveries.submit(webhook, Outgoing.meta(webhook, eventType, body), origin, false, 0, null);
                    }
                } else if (subscribed(webhook, eventType)) {
                    deliverKapso(webhook, eventType, payload, origin);
                }
            });
        }
        if (conversationId != null && WebhookEvents.activity(eventType) && payload.has("message")) {
            inactivity.activity(phoneNumberId, conversationId, payload.get("message"));
        }
        if (conversationId != null && eventType.equals(WebhookEvents.CONVERSATION_ENDED)) {
            inactivity.ended(conversationId);
        }
    }

    /**
     * Number events reach only that number's webhooks: with none (active or not, so no inactivity timer of theirs
     * can be running either) nothing hears them. Project events are rendered whenever any webhook exists.
     */
    @Override
    public boolean heard(String eventType, String phoneNumberId) {
        if (webhooks.size() == 0) {
            return false;
        }
        if (WebhookEvents.scope(eventType, phoneNumberId) == WebhookEvents.Scope.PROJECT) {
            return true;
        }
        return phoneNumberId != null && webhooks.find(w -> phoneNumberId.equals(w.path("phone_number_id").asText(null))).isPresent();
    }

    /**
     * Forwards a raw Meta change that has no Kapso event (e.g. {@code calls}) to the number's meta webhooks.
     *
     * @param field       the Meta change field, e.g. calls
     * @param valueFields the change value without messaging_product and metadata, e.g. {"contacts": [..], "calls": [..]}
     */
    public void forwardToMeta(String phoneNumberId, String field, ObjectNode valueFields) {
        PhoneIdentity phone = PhoneIdentity.of(ctx, phoneNumberId);
        for (Store.Entry e : webhooks.oldestFirst(w -> w.path("active").asBoolean() && WebhookRules.isMeta(w)
                                                       && phoneNumberId.equals(w.path("phone_number_id").asText(null)))) {
            ObjectNode value = MetaEnvelope.value(phone);
            value.setAll(valueFields.deepCopy());
            ObjectNode body = MetaEnvelope.envelope(phone, field, value);
            deliveries.submit(e.node(), Outgoing.meta(e.node(), "meta." + field, body),
                    new Deliveries.Origin(phoneNumberId, null, null, phone.configId()), false, 0, null);
        }
    }

    /** Queues a test delivery of {@code eventType} (kapso kind) or of a sample Meta message (meta kind). */
    void test(ObjectNode webhook, String eventType) {
        String phoneNumberId = webhook.path("phone_number_id").asText(null);
        if (WebhookRules.isMeta(webhook)) {
            PhoneIdentity phone = PhoneIdentity.of(ctx, phoneNumberId);
            deliveries.submit(webhook, Outgoing.meta(webhook, WebhookEvents.MESSAGE_RECEIVED, SamplePayloads.meta(ctx, phone)),
                    new Deliveries.Origin(phoneNumberId, null, "+" + SamplePayloads.SAMPLE_CUSTOMER, phone.configId()), false, 0, null);
            return;
        }
        String numberForSample = phoneNumberId != null ? phoneNumberId : ctx.config().phoneNumberId();
        ObjectNode payload = SamplePayloads.v2(ctx, eventType, numberForSample);
        JsonNode rendered = render(webhook, payload);
        deliveries.submit(webhook, Outgoing.kapso(webhook, eventType, rendered), origin(payload, null), false, 0, null);
    }

    private void project(String eventType, ObjectNode payload) {
        for (Store.Entry e : webhooks.oldestFirst(w -> w.path("active").asBoolean() && !WebhookRules.isMeta(w)
                                                       && w.path("phone_number_id").isNull())) {
            ObjectNode webhook = e.node();
            String event = eventType;
            if (v1(webhook) && eventType.equals(WebhookEvents.PHONE_NUMBER_CREATED) && subscribed(webhook, WebhookEvents.CONFIG_CREATED)) {
                event = WebhookEvents.CONFIG_CREATED;
            } else if (!subscribed(webhook, eventType)) {
                continue;
            }
            String delivered = event;
            isolated(webhook, event, () -> deliveries.submit(webhook, Outgoing.kapso(webhook, delivered, render(webhook, payload)),
                    Deliveries.Origin.PROJECT, false, 0, null));
        }
    }

    /** A webhook that cannot be served must not fail the API call that caused the event, nor the other webhooks. */
    private static void isolated(JsonNode webhook, String event, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("Could not queue {} for webhook {}", event, webhook.path("id").asText(), e);
        }
    }

    private void deliverKapso(JsonNode webhook, String event, ObjectNode payload, Deliveries.Origin origin) {
        JsonNode rendered = render(webhook, payload);
        boolean ordered = WebhookEvents.ordered(event) && origin.conversationId() != null;
        long sequence = ordered ? nextSequence(webhook, origin.conversationId()) : 0;
        if (origin.conversationId() != null && MessageBuffers.buffers(webhook, event)) {
            buffers.add(webhook, event, origin.conversationId(), rendered, sequence, origin);
            return;
        }
        deliveries.submit(webhook, Outgoing.kapso(webhook, event, rendered), origin, ordered, sequence, null);
    }

    private void sendBatch(MessageBuffers.Batch batch) {
        ObjectNode webhook = webhooks.get(batch.webhookId()).orElse(null);
        if (webhook == null) {
            return;
        }
        ObjectNode body = SimState.object();
        body.put("type", batch.event());
        body.put("batch", true);
        batch.items().forEach(body.putArray("data")::add);
        ObjectNode info = body.putObject("batch_info");
        info.put("size", batch.items().size());
        info.put("window_ms", batch.windowMillis());
        info.put("first_sequence", batch.firstSequence());
        info.put("last_sequence", batch.lastSequence());
        info.put("conversation_id", batch.conversationId());
        deliveries.submit(webhook, Outgoing.batch(webhook, batch.event(), body, batch.items().size()), batch.origin(), true,
                batch.lastSequence(), List.copyOf(batch.items()));
    }

    private long nextSequence(JsonNode webhook, String conversationId) {
        return sequences.merge(Deliveries.laneKey(webhook, conversationId), 1L, Long::sum);
    }

    private JsonNode render(JsonNode webhook, ObjectNode v2) {
        if (!v1(webhook)) {
            return v2.deepCopy();
        }
        String phoneNumberId = v2.path("phone_number_id").asText(webhook.path("phone_number_id").asText(ctx.config().phoneNumberId()));
        return PayloadV1.render(v2, PhoneIdentity.of(ctx, phoneNumberId));
    }

    private Deliveries.Origin origin(JsonNode payload, String conversationId) {
        String phoneNumberId = payload.path("phone_number_id").asText(null);
        String conversationPhone = payload.path("conversation").path("phone_number").asText(null);
        return new Deliveries.Origin(phoneNumberId, conversationId, conversationPhone,
                phoneNumberId == null ? null : PhoneIdentity.of(ctx, phoneNumberId).configId());
    }

    private static boolean v1(JsonNode webhook) {
        return "v1".equals(webhook.path("payload_version").asText());
    }

    private static boolean subscribed(JsonNode webhook, String event) {
        for (JsonNode e : webhook.path("events")) {
            if (e.asText().equals(event)) {
                return true;
            }
        }
        return false;
    }
}
