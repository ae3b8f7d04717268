package io.github.camelkapso.simulator.ops.platform;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Stores;

/**
 * The simulator's records as log-search events: API calls (external_api_log), the WhatsApp traffic Meta reported
 * (whatsapp_webhook_event: inbound messages and outbound statuses) and webhook deliveries (webhook_delivery).
 */
final class LogEvents {

    private final SimContext ctx;

    LogEvents(SimContext ctx) {
        this.ctx = ctx;
    }

    List<ObjectNode> all() {
        List<ObjectNode> events = new ArrayList<>();
        ApiLogs.of(ctx).store().all().forEach(l -> events.add(apiCall(l)));
        for (ObjectNode m : ctx.state().store(Stores.MESSAGES).all()) {
            JsonNode k = m.path("kapso");
            if ("inbound".equals(k.path("direction").asText())) {
                events.add(whatsapp(m, "message", m.path("timestamp").asText(), "received", null));
            } else {
                for (JsonNode s : k.path("statuses")) {
                    JsonNode error = s.path("errors").path(0);
                    events.add(whatsapp(m, "status", s.path("timestamp").asText(), s.path("status").asText(),
                            error.isMissingNode() ? null : error.path("message").asText(error.path("title").asText())));
                }
            }
        }
        ctx.state().store(Stores.WEBHOOK_DELIVERIES).all().forEach(d -> events.add(delivery(d)));
        return events;
    }

    private static ObjectNode apiCall(ObjectNode l) {
        int status = l.path("response_status").asInt();
        ObjectNode e = base(l.path("id").asText(), "external_api_log", l.path("created_at").asText());
        e.put("level", status >= 500 ? "error" : status >= 400 ? "warning" : "info");
        e.put("status", status >= 400 ? "failed" : "succeeded");
        e.put("message", l.path("http_method").asText() + " " + l.path("endpoint").asText());
        e.put("resource_type", "external_api_log");
        e.put("resource_id", l.path("id").asText());
        e.set("http_method", l.get("http_method"));
        e.set("endpoint", l.get("endpoint"));
        e.set("api_key_id", l.get("api_key_id"));
        e.set("api_key_name", l.get("api_key_name"));
        e.put("response_status", status);
        e.set("response_time_ms", l.get("response_time_ms"));
        e.set("error_message", l.get("error_message"));
        ObjectNode payload = e.putObject("payload");
        payload.set("error_message", l.get("error_message"));
        return e;
    }

    private static ObjectNode whatsapp(ObjectNode m, String event, String unixSeconds, String status, String error) {
        JsonNode k = m.path("kapso");
        String id = m.path("id").asText() + (event.equals("status") ? ":" + status : "");
        ObjectNode e = base(id, "whatsapp_webhook_event", Times.fromUnixSeconds(unixSeconds));
        e.put("level", error != null ? "error" : "info");
        e.put("status", status);
        e.put("message", "messages " + event + " " + m.path("type").asText() + (event.equals("status") ? " " + status : ""));
        e.put("resource_type", "whatsapp_message");
        e.put("resource_id", m.path("id").asText());
        e.put("field", "messages");
        e.put("event", event);
        e.set("message_type", m.get("type"));
        e.set("phone_number_id", k.get("phone_number_id"));
        e.put("error_message", error);
        return e;
    }

    private static ObjectNode delivery(ObjectNode d) {
        String status = d.path("status").asText(null);
        int response = d.path("response_status").asInt(d.path("response_code").asInt(0));
        boolean failed = "failed".equals(status) || response >= 400;
        ObjectNode e = base(d.path("id").asText(), "webhook_delivery", d.path("created_at").asText(null));
        e.put("level", failed ? "error" : "info");
        e.put("status", status);
        String event = d.path("event").asText(d.path("event_type").asText(null));
        e.put("event", event);
        String url = d.path("url").asText(d.path("webhook_url").asText(null));
        e.put("message", "Webhook delivery " + (event != null ? event + " " : "") + (url != null ? "to " + url : ""));
        e.put("resource_type", "webhook_delivery");
        e.put("resource_id", d.path("id").asText());
        e.put("webhook_id", d.path("webhook_id").asText(null));
        e.put("webhook_url", url);
        if (response > 0) {
            e.put("response_status", response);
        }
        e.put("error_message", d.path("error_message").asText(d.path("error").asText(null)));
        return e;
    }

    private static ObjectNode base(String id, String source, String timestamp) {
        ObjectNode e = SimState.object();
        e.put("id", id);
        e.put("source", source);
        e.put("timestamp", timestamp);
        e.put("occurred_at", timestamp);
        return e;
    }
}
