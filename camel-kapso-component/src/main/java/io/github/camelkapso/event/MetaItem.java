package io.github.camelkapso.event;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One item of a Meta webhook body ({@code {"object", "entry": [{"changes": [{"field", "value"}]}]}}), in the order
 * Kapso's SDK walks {@code entry[].changes[].value}: in each change the items of {@code messages},
 * {@code message_echoes}, {@code statuses} and {@code calls}, or the change's whole value when it has none of them.
 * {@link KapsoEvents#parse(String, JsonNode)} reads an item's {@code value} into its event.
 *
 * @param type          {@code whatsapp.message.received} for a message, {@code whatsapp.message.<status>} for a
 *                      status, {@value KapsoEvents#META_MESSAGE_ECHO} for an echo, {@code meta.calls} for a call,
 *                      {@code meta.<field>} for a change without items
 * @param value         the change's value narrowed to this item: only it in its array, the metadata kept, and of
 *                      several contacts only the customer's
 * @param phoneNumberId the business number's id ({@code metadata.phone_number_id})
 * @param messageId     the id of the message, echo or status; null for a call and a change without items
 */
public record MetaItem(String type, JsonNode value, String phoneNumberId, String messageId) {

    private static final List<String> ITEM_ARRAYS = List.of("messages", "message_echoes", "statuses", "calls");

    /** The items of a Meta webhook body, in order; none when it has no {@code entry} array. */
    public static List<MetaItem> allOf(JsonNode body) {
        List<MetaItem> items = new ArrayList<>();
        for (JsonNode entry : Json.array(body, "entry")) {
            for (JsonNode change : Json.array(entry, "changes")) {
                collect(change, items);
            }
        }
        return items;
    }

    private static void collect(JsonNode change, List<MetaItem> into) {
        JsonNode value = change.path("value");
        if (!value.isObject()) {
            return;
        }
        String phoneNumberId = Json.text(value, "metadata", "phone_number_id");
        boolean any = false;
        for (String array : ITEM_ARRAYS) {
            for (JsonNode element : Json.array(value, array)) {
                any = true;
                into.add(new MetaItem(typeOf(array, element), narrowed(value, array, element), phoneNumberId,
                        "calls".equals(array) ? null : Json.text(element, "id")));
            }
        }
        if (!any) {
            into.add(new MetaItem("meta." + change.path("field").asText("unknown"), value, phoneNumberId, null));
        }
    }

    private static String typeOf(String array, JsonNode element) {
        switch (array) {
            case "messages":
                return KapsoEvents.MESSAGE_RECEIVED;
            case "statuses":
                return "whatsapp.message." + element.path("status").asText("unknown");
            default:
                return "meta." + array;
        }
    }

    private static ObjectNode narrowed(JsonNode value, String array, JsonNode element) {
        ObjectNode copy = ((ObjectNode) value).deepCopy();
        ITEM_ARRAYS.forEach(copy::remove);
        copy.putArray(array).add(element.deepCopy());
        JsonNode contacts = value.path("contacts");
        // an echo goes to the customer, anything else comes from them
        String customer = Json.text(element, "message_echoes".equals(array) ? "to" : "from");
        if (contacts.isArray() && contacts.size() > 1 && customer != null) {
            ArrayNode matching = copy.putArray("contacts");
            contacts.forEach(c -> {
                if (customer.equals(Json.text(c, "wa_id"))) {
                    matching.add(c.deepCopy());
                }
            });
        }
        return copy;
    }
}
