package io.github.camelkapso.simulator.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;

/** Reads a Meta message object the way Kapso's extension fields describe it. */
final class MessageContent {

    private static final java.util.Set<String> MEDIA = java.util.Set.of("image", "video", "audio", "document", "sticker");

    private MessageContent() {
    }

    static boolean hasMedia(JsonNode m) {
        return MEDIA.contains(m.path("type").asText());
    }

    /** A text rendering: the body, caption, reply title, location name, template name. */
    static String text(JsonNode m) {
        String type = m.path("type").asText();
        JsonNode c = m.path(type);
        switch (type) {
            case "text":
                return c.path("body").asText("");
            case "image":
            case "video":
            case "document":
                return c.path("caption").asText("[" + type + "]");
            case "audio":
            case "sticker":
                return "[" + type + "]";
            case "location":
                return c.path("name").asText("[location " + c.path("latitude").asText() + "," + c.path("longitude").asText() + "]");
            case "interactive": {
                JsonNode reply = c.has("button_reply") ? c.get("button_reply") : c.get("list_reply");
                if (reply != null) {
                    return reply.path("title").asText("");
                }
                if (c.has("nfm_reply")) {
                    return "[flow response]";
                }
                return c.path("body").path("text").asText("[interactive]");
            }
            case "button":
                return c.path("text").asText("");
            case "reaction":
                return c.path("emoji").asText("");
            case "template":
                return "[template " + c.path("name").asText() + "]";
            case "contacts":
                return "[contacts]";
            default:
                return "[" + type + "]";
        }
    }

    /** Media URLs and Flow reply fields, as Kapso adds them to stored messages. */
    static void addKapsoExtras(ObjectNode m, ObjectNode kapso, SimContext ctx) {
        String type = m.path("type").asText();
        if (MEDIA.contains(type) && m.path(type).has("id")) {
            kapso.put("media_url", "/_sim/media/" + m.path(type).path("id").asText());
        }
        if (m.path(type).has("caption")) {
            kapso.putObject("message_type_data").put("caption", m.path(type).path("caption").asText());
        }
        JsonNode nfm = m.path("interactive").path("nfm_reply");
        if (!nfm.isMissingNode()) {
            JsonNode response = flowResponse(nfm.path("response_json"));
            kapso.set("flow_response", response);
            kapso.put("flow_token", nfm.hasNonNull("flow_token") ? nfm.get("flow_token").asText() : response.path("flow_token").asText(null));
            kapso.put("flow_name", nfm.path("name").asText(null));
        }
    }

    /** Meta sends response_json as a JSON string holding the flow_token and the submitted fields. */
    private static JsonNode flowResponse(JsonNode responseJson) {
        if (responseJson.isTextual()) {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(responseJson.asText());
            } catch (Exception e) {
                return responseJson;
            }
        }
        return responseJson.isMissingNode() ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : responseJson;
    }
}
