package io.github.camelkapso.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A customer's answer to an interactive message: a reply button ({@code button_reply}), a list row
 * ({@code list_reply}), a WhatsApp Flow ({@code nfm_reply}), or a template quick-reply button ({@code button}).
 *
 * @param type         button_reply, list_reply, nfm_reply or button
 * @param replyId      the id of the chosen button or row (the payload of a template button)
 * @param title        the text of the chosen button or row
 * @param description  the description of the chosen list row
 * @param flowName     the Flow's name (nfm_reply)
 * @param flowToken    the flow_token of the Flow response (nfm_reply)
 * @param flowResponse the Flow's response_json, parsed, its keys camel-cased as Kapso's SDK gives them
 *                     ({@code flow_token} is {@code flowToken}, {@code screen_0_Name_1} is {@code screen0Name1});
 *                     null when absent or not JSON. The response as the Flow sent it stays in the event's raw().
 */
public record Interactive(String type, String replyId, String title, String description, String flowName,
                          String flowToken, JsonNode flowResponse) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Interactive of(JsonNode message) {
        JsonNode interactive = Json.container(message, "interactive");
        if (interactive != null) {
            String type = Json.text(interactive, "type");
            JsonNode reply = type == null ? null : Json.container(interactive, type);
            if ("nfm_reply".equals(type)) {
                JsonNode response = flowResponse(reply, Json.at(message, "kapso"));
                return new Interactive(type, null, Json.text(reply, "body"), null,
                        Json.firstText(Json.text(reply, "name"), Json.text(message, "kapso", "flow_name")),
                        Json.firstText(Json.text(response, "flowToken"), Json.text(message, "kapso", "flow_token")),
                        response);
            }
            return new Interactive(type, Json.text(reply, "id"), Json.text(reply, "title"),
                    Json.text(reply, "description"), null, null, null);
        }
        JsonNode button = Json.container(message, "button");
        if (button != null) {
            return new Interactive("button", Json.text(button, "payload"), Json.text(button, "text"), null, null, null,
                    null);
        }
        return null;
    }

    private static JsonNode flowResponse(JsonNode reply, JsonNode kapso) {
        String json = Json.text(reply, "response_json");
        if (json != null && !json.isBlank()) {
            try {
                return CamelCaseKeys.of(MAPPER.readTree(json));
            } catch (JsonProcessingException e) {
                // not JSON: the raw payload still holds the string
                return null;
            }
        }
        return CamelCaseKeys.of(Json.container(kapso, "flow_response"));
    }
}
