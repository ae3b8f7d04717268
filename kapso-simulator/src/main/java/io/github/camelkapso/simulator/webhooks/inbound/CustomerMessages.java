package io.github.camelkapso.simulator.webhooks.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.state.SimState;

/**
 * The Meta message content of what customers send ({"type": ..., "&lt;type&gt;": {...}}), without id, from and
 * timestamp, which {@link io.github.camelkapso.simulator.messaging.Messaging#receive} adds.
 */
public final class CustomerMessages {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CustomerMessages() {
    }

    public static ObjectNode text(String body) {
        ObjectNode m = typed("text");
        m.putObject("text").put("body", body);
        return m;
    }

    /** An image, video, audio, document or sticker pointing at a stored media item. */
    public static ObjectNode media(String type, JsonNode media, String caption) {
        ObjectNode m = typed(type);
        ObjectNode c = m.putObject(type);
        if (caption != null && !type.equals("audio") && !type.equals("sticker")) {
            c.put("caption", caption);
        }
        if (type.equals("document")) {
            c.put("filename", media.path("filename").asText());
        }
        c.put("mime_type", media.path("mime_type").asText());
        c.put("sha256", media.path("sha256").asText());
        c.put("id", media.path("id").asText());
        if (type.equals("audio")) {
            c.put("voice", false);
        }
        if (type.equals("sticker")) {
            c.put("animated", false);
        }
        return m;
    }

    public static ObjectNode buttonReply(String id, String title) {
        ObjectNode m = typed("interactive");
        ObjectNode i = m.putObject("interactive");
        i.put("type", "button_reply");
        i.putObject("button_reply").put("id", id).put("title", title);
        return m;
    }

    public static ObjectNode listReply(String id, String title, String description) {
        ObjectNode m = typed("interactive");
        ObjectNode i = m.putObject("interactive");
        i.put("type", "list_reply");
        ObjectNode reply = i.putObject("list_reply").put("id", id).put("title", title);
        if (description != null) {
            reply.put("description", description);
        }
        return m;
    }

    public static ObjectNode location(double latitude, double longitude, String name, String address) {
        ObjectNode m = typed("location");
        ObjectNode l = m.putObject("location");
        l.put("latitude", latitude);
        l.put("longitude", longitude);
        if (name != null) {
            l.put("name", name);
        }
        if (address != null) {
            l.put("address", address);
        }
        return m;
    }

    /**
     * A completed Flow, as Meta delivers it: an interactive nfm_reply whose response_json is a JSON string holding
     * the flow_token and the submitted fields.
     */
    public static ObjectNode flowCompletion(String flowToken, ObjectNode response, String name) {
        ObjectNode json = SimState.object();
        json.put("flow_token", flowToken);
        json.setAll(response.deepCopy());
        ObjectNode m = typed("interactive");
        ObjectNode i = m.putObject("interactive");
        i.put("type", "nfm_reply");
        ObjectNode nfm = i.putObject("nfm_reply");
        nfm.put("name", name == null ? "flow" : name);
        nfm.put("body", "Sent");
        try {
            nfm.put("response_json", MAPPER.writeValueAsString(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    /** Marks the message as a reply to one the business sent (Meta's context object). */
    public static ObjectNode replyingTo(ObjectNode content, String messageId, String businessNumber) {
        if (messageId != null && !messageId.isBlank()) {
            content.putObject("context").put("from", businessNumber).put("id", messageId);
        }
        return content;
    }

    private static ObjectNode typed(String type) {
        ObjectNode m = SimState.object();
        m.put("type", type);
        return m;
    }
}
