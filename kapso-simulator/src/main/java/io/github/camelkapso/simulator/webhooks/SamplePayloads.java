package io.github.camelkapso.simulator.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Stores;

/**
 * The sample payloads of test deliveries ({@code POST /whatsapp/webhooks/{id}/test}): the documented v2 shape of
 * each event (webhooks.md §11) filled with the webhook's number and fresh ids.
 */
final class SamplePayloads {

    static final String SAMPLE_CUSTOMER = "15551234567";
    static final String SAMPLE_TEXT = "This is a test webhook from Kapso";

    private SamplePayloads() {
    }

    static ObjectNode v2(SimContext ctx, String event, String phoneNumberId) {
        String now = ctx.clock().iso();
        ObjectNode payload = SimState.object();
        if (WebhookEvents.scope(event, phoneNumberId) == WebhookEvents.Scope.PROJECT) {
            return project(ctx, event, now);
        }
        ObjectNode conversation = conversation(phoneNumberId, now);
        if (WebhookEvents.messageEvent(event)) {
            payload.set("message", message(ctx, event));
            payload.set("conversation", conversation);
            payload.put("is_new_conversation", false);
        } else if (event.equals(WebhookEvents.CONVERSATION_INACTIVE)) {
            payload.set("conversation", conversation);
            ObjectNode since = payload.putObject("since_message");
            String wamid = Ids.wamid();
            since.put("id", wamid);
            since.put("whatsapp_message_id", wamid);
            since.put("direction", "inbound");
            since.put("created_at", now);
            payload.putObject("inactivity").put("minutes", WebhookRules.DEFAULT_INACTIVITY_MINUTES);
        } else {
            if (event.equals(WebhookEvents.CONVERSATION_ENDED)) {
                conversation.put("status", "ended");
            }
            payload.set("conversation", conversation);
        }
        payload.put("phone_number_id", phoneNumberId);
        return payload;
    }

    /** A Meta text-message webhook body for kind=meta tests. */
    static ObjectNode meta(SimContext ctx, PhoneIdentity phone) {
        ObjectNode value = MetaEnvelope.value(phone);
        value.set("contacts", MetaEnvelope.contacts("Kapso Test", SAMPLE_CUSTOMER));
        ObjectNode m = value.putArray("messages").addObject();
        m.put("from", SAMPLE_CUSTOMER);
        m.put("id", Ids.wamid());
        m.put("timestamp", ctx.clock().unixSeconds());
        m.put("type", "text");
        m.putObject("text").put("body", SAMPLE_TEXT);
        return MetaEnvelope.envelope(phone, "messages", value);
    }

    private static ObjectNode message(SimContext ctx, String event) {
        boolean inbound = event.equals(WebhookEvents.MESSAGE_RECEIVED);
        String status = inbound ? "received" : event.substring(event.lastIndexOf('.') + 1);
        ObjectNode m = SimState.object();
        String wamid = Ids.wamid();
        m.put("id", wamid);
        m.put("timestamp", ctx.clock().unixSeconds());
        m.put(inbound ? "from" : "to", SAMPLE_CUSTOMER);
        m.put("type", "text");
        m.putObject("text").put("body", SAMPLE_TEXT);
        ObjectNode k = m.putObject("kapso");
        k.put("direction", inbound ? "inbound" : "outbound");
        k.put("status", status);
        k.put("processing_status", inbound ? "pending" : "completed");
        k.put("origin", "cloud_api");
        k.put("has_media", false);
        k.put("content", SAMPLE_TEXT);
        if (!inbound) {
            ObjectNode s = k.putArray("statuses").addObject();
            s.put("id", wamid);
            s.put("status", status);
            s.put("timestamp", ctx.clock().unixSeconds());
            s.put("recipient_id", SAMPLE_CUSTOMER);
            if (status.equals("failed")) {
                ObjectNode error = s.putArray("errors").addObject();
                error.put("code", 131047);
                error.put("title", "Re-engagement message");
                error.put("message", "More than 24 hours have passed since the recipient last replied");
            }
        }
        return m;
    }

    private static ObjectNode conversation(String phoneNumberId, String now) {
        ObjectNode c = SimState.object();
        c.put("id", Ids.uuid());
        c.put("phone_number", "+" + SAMPLE_CUSTOMER);
        c.put("status", "active");
        c.put("last_active_at", now);
        c.put("created_at", now);
        c.put("updated_at", now);
        c.putObject("metadata");
        c.put("phone_number_id", phoneNumberId);
        return c;
    }

    private static ObjectNode project(SimContext ctx, String event, String now) {
        ObjectNode p = SimState.object();
        String projectId = ctx.state().projectId();
        if (event.startsWith("workflow.execution.")) {
            boolean failed = event.endsWith("failed");
            p.put("event", event);
            p.put("occurred_at", now);
            p.put("project_id", projectId);
            p.put("workflow_id", Ids.uuid());
            p.put("workflow_execution_id", Ids.uuid());
            p.put("status", failed ? "failed" : "handoff");
            p.put("tracking_id", "track-" + Ids.token(6));
            p.put("channel", "whatsapp");
            p.put("whatsapp_conversation_id", Ids.uuid());
            if (failed) {
                p.putObject("error").put("message", "Workflow execution timed out");
            } else {
                p.putObject("handoff").put("reason", "User requested human assistance").put("source", "agent_tool");
            }
            return p;
        }
        if (event.equals("project.event")) {
            p.put("id", Ids.uuid());
            p.put("name", "test.event");
            p.put("occurred_at", now);
            p.putNull("conversation_id");
            p.putObject("properties");
            return p;
        }
        p.put("phone_number_id", ctx.config().phoneNumberId());
        p.putObject("project").put("id", projectId);
        String customerId = ctx.state().store(Stores.CUSTOMERS).all().stream().findFirst()
                .map(c -> c.path("id").asText()).orElse(Ids.uuid());
        p.putObject("customer").put("id", customerId);
        return p;
    }
}
