package io.github.camelkapso.simulator.webhooks;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.state.SimState;

/**
 * The legacy v1 payload shape (webhooks.md §9), best effort: the docs describe v1 only by its differences from v2.
 * A nested {@code whatsapp_config} object and {@code whatsapp_config_id} replace the root {@code phone_number_id};
 * messages carry {@code message_type}, {@code content}, {@code direction}, {@code origin} (and the other Kapso
 * extension fields) at message level; conversations carry {@code whatsapp_config_id}.
 */
final class PayloadV1 {

    private PayloadV1() {
    }

    static ObjectNode render(JsonNode v2, PhoneIdentity phone) {
        ObjectNode out = SimState.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = v2.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            switch (f.getKey()) {
                case "phone_number_id":
                    break;
                case "message":
                    out.set("message", message(f.getValue()));
                    break;
                case "conversation":
                    out.set("conversation", conversation(f.getValue(), phone));
                    break;
                default:
                    out.set(f.getKey(), f.getValue().deepCopy());
            }
        }
        ObjectNode config = out.putObject("whatsapp_config");
        config.put("id", phone.configId());
        config.put("phone_number_id", phone.phoneNumberId());
        config.put("display_phone_number", phone.displayPhoneNumber());
        config.put("business_account_id", phone.businessAccountId());
        config.put("name", phone.name());
        out.put("whatsapp_config_id", phone.configId());
        return out;
    }

    private static ObjectNode message(JsonNode m) {
        ObjectNode out = SimState.object();
        out.put("id", m.path("id").asText());
        out.put("whatsapp_message_id", m.path("id").asText());
        out.put("message_type", m.path("type").asText());
        JsonNode kapso = m.path("kapso");
        out.put("content", kapso.path("content").asText(""));
        for (Iterator<Map.Entry<String, JsonNode>> it = kapso.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getKey().equals("phone_number_id") && !out.has(f.getKey())) {
                out.set(f.getKey(), f.getValue().deepCopy());
            }
        }
        if (m.has("from")) {
            out.set("from", m.get("from"));
        }
        if (m.has("to")) {
            out.set("to", m.get("to"));
        }
        String ts = m.path("timestamp").asText(null);
        if (ts != null && ts.matches("\\d+")) {
            out.put("created_at", Instant.ofEpochSecond(Long.parseLong(ts)).toString());
        }
        String type = m.path("type").asText();
        if (m.has(type)) {
            out.set(type, m.get(type).deepCopy());
        }
        return out;
    }

    private static ObjectNode conversation(JsonNode c, PhoneIdentity phone) {
        ObjectNode out = ((ObjectNode) c).deepCopy();
        out.remove("phone_number_id");
        out.put("whatsapp_config_id", phone.configId());
        return out;
    }
}
