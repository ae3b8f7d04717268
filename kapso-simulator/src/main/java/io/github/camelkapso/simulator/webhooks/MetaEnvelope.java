package io.github.camelkapso.simulator.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.state.SimState;

/**
 * The raw Meta Cloud API webhook body that {@code kind: meta} webhooks receive, built from the simulator's events:
 * {@code {"object":"whatsapp_business_account","entry":[{"id":WABA,"changes":[{"value":{...},"field":"messages"}]}]}}.
 * Inbound messages carry {@code contacts} and {@code messages}; outbound status changes carry {@code statuses};
 * conversation events have no Meta counterpart and are not forwarded.
 */
final class MetaEnvelope {

    private MetaEnvelope() {
    }

    /** The Meta body for a Kapso message event, or null when Meta sends nothing for it. */
    static ObjectNode forEvent(String event, JsonNode payload, PhoneIdentity phone) {
        if (!WebhookEvents.messageEvent(event) || !payload.has("message")) {
            return null;
        }
        JsonNode message = payload.get("message");
        ObjectNode value = value(phone);
        if (event.equals(WebhookEvents.MESSAGE_RECEIVED)) {
            String name = payload.path("conversation").path("kapso").path("contact_name").asText(
                    message.path("kapso").path("contact_name").asText(null));
            value.set("contacts", contacts(name, message.path("from").asText()));
            ObjectNode raw = ((ObjectNode) message).deepCopy();
            raw.remove("kapso");
            value.putArray("messages").add(raw);
        } else {
            ArrayNode statuses = (ArrayNode) message.path("kapso").path("statuses");
            ObjectNode status;
            if (statuses != null && statuses.size() > 0) {
                status = (ObjectNode) statuses.get(statuses.size() - 1).deepCopy();
            } else {
                status = SimState.object();
                status.put("id", message.path("id").asText());
                status.put("status", event.substring(event.lastIndexOf('.') + 1));
                status.put("timestamp", message.path("timestamp").asText());
                status.put("recipient_id", message.path("to").asText());
            }
            value.putArray("statuses").add(status);
        }
        return envelope(phone, "messages", value);
    }

    /** {@code value} with messaging_product and metadata filled in. */
    static ObjectNode value(PhoneIdentity phone) {
        ObjectNode value = SimState.object();
        value.put("messaging_product", "whatsapp");
        ObjectNode metadata = value.putObject("metadata");
        metadata.put("display_phone_number", phone.displayPhoneNumber());
        metadata.put("phone_number_id", phone.phoneNumberId());
        return value;
    }

    static ArrayNode contacts(String profileName, String waId) {
        ArrayNode contacts = SimState.object().arrayNode();
        ObjectNode contact = contacts.addObject();
        contact.putObject("profile").put("name", profileName == null ? "" : profileName);
        contact.put("wa_id", waId);
        return contacts;
    }

    static ObjectNode envelope(PhoneIdentity phone, String field, ObjectNode value) {
        ObjectNode body = SimState.object();
        body.put("object", "whatsapp_business_account");
        ObjectNode entry = body.putArray("entry").addObject();
        entry.put("id", phone.businessAccountId());
        ObjectNode change = entry.putArray("changes").addObject();
        change.set("value", value);
        change.put("field", field);
        return body;
    }
}
