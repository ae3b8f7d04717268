package io.github.camelkapso.simulator.webhooks;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * {@code whatsapp.conversation.inactive}: each subscribed webhook of the number hears it once its own
 * inactivity_minutes (scaled by the time factor) pass without an inbound or outbound message in an active
 * conversation; it fires once per quiet spell.
 */
final class InactivityWatch {

    interface Fire {
        void inactive(JsonNode webhook, String conversationId, ObjectNode payload);
    }

    /** The last message of a conversation: when (monotonic real time) and what. */
    private record Activity(long atNanos, String phoneNumberId, ObjectNode sinceMessage) {
    }

    private final SimContext ctx;
    private final Store webhooks;
    private final Store conversations;
    private final Fire fire;
    private final Map<String, Activity> last = new HashMap<>();
    /** webhook|conversation pairs with a timer running. */
    private final Map<String, Long> timers = new HashMap<>();

    InactivityWatch(SimContext ctx, Fire fire) {
        this.ctx = ctx;
        this.webhooks = ctx.state().store(Stores.WEBHOOKS);
        this.conversations = ctx.state().store(Stores.CONVERSATIONS);
        this.fire = fire;
    }

    void activity(String phoneNumberId, String conversationId, JsonNode message) {
        ObjectNode since = SimState.object();
        since.put("id", message.path("id").asText());
        since.put("whatsapp_message_id", message.path("id").asText());
        since.put("direction", message.path("kapso").path("direction").asText("inbound"));
        since.put("created_at", ctx.clock().iso());
        last.put(conversationId, new Activity(System.nanoTime(), phoneNumberId, since));
        for (ObjectNode webhook : webhooks.all()) {
            if (subscribed(webhook, phoneNumberId)) {
                String key = webhook.path("id").asText() + "|" + conversationId;
                if (!timers.containsKey(key)) {
                    arm(key, webhook.path("id").asText(), conversationId, windowMillis(webhook));
                }
            }
        }
    }

    void ended(String conversationId) {
        last.remove(conversationId);
    }

    private void arm(String key, String webhookId, String conversationId, long delayMillis) {
        timers.put(key, ctx.vertx().setTimer(Math.max(1, delayMillis), t -> check(key, webhookId, conversationId)));
    }

    private void check(String key, String webhookId, String conversationId) {
        timers.remove(key);
        Activity a = last.get(conversationId);
        JsonNode webhook = webhooks.get(webhookId).orElse(null);
        if (a == null || webhook == null || !subscribed(webhook, a.phoneNumberId())) {
            return;
        }
        long window = windowMillis(webhook);
        long quietMillis = (System.nanoTime() - a.atNanos()) / 1_000_000;
        if (quietMillis < window) {
            arm(key, webhookId, conversationId, window - quietMillis);
            return;
        }
        ObjectNode conversation = conversations.get(conversationId).orElse(null);
        if (conversation == null || !"active".equals(conversation.path("status").asText())) {
            return;
        }
        ObjectNode payload = SimState.object();
        payload.set("conversation", conversation.deepCopy());
        payload.set("since_message", a.sinceMessage().deepCopy());
        payload.putObject("inactivity").put("minutes", webhook.path("inactivity_minutes").asInt(WebhookRules.DEFAULT_INACTIVITY_MINUTES));
        payload.put("phone_number_id", a.phoneNumberId());
        fire.inactive(webhook, conversationId, payload);
    }

    /** The webhook's inactivity threshold in simulator time (scaled). */
    private long windowMillis(JsonNode webhook) {
        return ctx.clock().scaled(webhook.path("inactivity_minutes").asLong(WebhookRules.DEFAULT_INACTIVITY_MINUTES) * 60_000L);
    }

    private static boolean subscribed(JsonNode webhook, String phoneNumberId) {
        if (!webhook.path("active").asBoolean() || WebhookRules.isMeta(webhook)
            || !phoneNumberId.equals(webhook.path("phone_number_id").asText(null))) {
            return false;
        }
        for (JsonNode e : webhook.path("events")) {
            if (e.asText().equals(WebhookEvents.CONVERSATION_INACTIVE)) {
                return true;
            }
        }
        return false;
    }
}
