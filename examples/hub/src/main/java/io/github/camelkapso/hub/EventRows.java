package io.github.camelkapso.hub;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Turns one Kapso webhook event (v2 payload in the body, consumer headers) into the named parameters of the hub's
 * SQL upserts: the event itself, the message it carries and its conversation.
 */
final class EventRows implements Processor {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        JsonNode event = MAPPER.valueToTree(in.getBody());
        JsonNode message = event.path("message");
        JsonNode conversation = event.path("conversation");
        Map<String, Object> row = new HashMap<>();
        row.put("idempotencyKey", in.getHeader("CamelKapsoIdempotencyKey", String.class));
        row.put("eventType", in.getHeader("CamelKapsoEventType", String.class));
        row.put("phoneNumberId", text(event.path("phone_number_id"), in.getHeader("CamelKapsoPhoneNumberId", String.class)));
        row.put("conversationId", text(conversation.path("id"), in.getHeader("CamelKapsoConversationId", String.class)));
        row.put("messageId", text(message.path("id"), null));
        row.put("payload", MAPPER.writeValueAsString(event));
        row.put("wamid", text(message.path("id"), null));
        String direction = text(message.path("kapso").path("direction"), null);
        row.put("direction", direction);
        row.put("contact", "inbound".equals(direction) ? text(message.path("from"), null) : text(message.path("to"), null));
        row.put("messageType", text(message.path("type"), null));
        row.put("text", text(message.path("kapso").path("content"), null));
        row.put("status", text(message.path("kapso").path("status"), null));
        row.put("conversationStatus", text(conversation.path("status"), null));
        row.put("lastActiveAt", text(conversation.path("last_active_at"), null));
        if (row.get("contact") == null) {
            row.put("contact", text(conversation.path("phone_number"), null));
        }
        in.setBody(row);
    }

    private static String text(JsonNode node, String fallback) {
        return node.isValueNode() && !node.isNull() ? node.asText() : fallback;
    }
}
