package io.github.camelkapso.simulator.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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

    /** Media URLs, type-specific data and Flow reply fields, as Kapso adds them to stored messages. */
    static void addKapsoExtras(ObjectNode m, ObjectNode kapso, SimContext ctx) {
        String type = m.path("type").asText();
        JsonNode c = m.path(type);
        if (MEDIA.contains(type)) {
            if (c.has("id")) {
                kapso.put("media_url", "/_sim/media/" + c.path("id").asText());
            } else if (c.has("link")) {
                kapso.put("media_url", c.path("link").asText());
            }
        }
        ObjectNode data = typeData(type, c);
        if (data != null) {
            kapso.set("message_type_data", data);
        }
        JsonNode nfm = m.path("interactive").path("nfm_reply");
        if (!nfm.isMissingNode()) {
            JsonNode response = flowResponse(nfm.path("response_json"));
            kapso.set("flow_response", response);
            kapso.put("flow_token", nfm.hasNonNull("flow_token") ? nfm.get("flow_token").asText() : response.path("flow_token").asText(null));
            kapso.put("flow_name", nfm.path("name").asText(null));
        }
    }

    /** {@code kapso.message_type_data}: the caption of media, the template's name and parameters, ... */
    private static ObjectNode typeData(String type, JsonNode c) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        switch (type) {
            case "image":
            case "video":
            case "document":
                if (!c.has("caption")) {
                    return null;
                }
                data.put("caption", c.path("caption").asText());
                data.put("has_media", true);
                return data;
            case "location":
                for (String f : new String[] {"latitude", "longitude", "name", "address"}) {
                    if (c.has(f)) {
                        data.set(f, c.get(f));
                    }
                }
                return data;
            case "template": {
                data.put("name", c.path("name").asText());
                data.set("language", c.path("language"));
                ArrayNode params = data.putArray("params");
                for (JsonNode component : c.path("components")) {
                    if ("body".equalsIgnoreCase(component.path("type").asText())) {
                        component.path("parameters").forEach(p -> params.add(p.path("text").asText(p.path("type").asText())));
                    }
                }
                return data;
            }
            case "interactive":
                if (!c.has("body")) {
                    return null;
                }
                data.put("type", c.path("type").asText());
                data.put("body_text", c.path("body").path("text").asText());
                return data;
            default:
                return null;
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
