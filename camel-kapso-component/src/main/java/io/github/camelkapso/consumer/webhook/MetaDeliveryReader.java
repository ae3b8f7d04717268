package io.github.camelkapso.consumer.webhook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a Meta webhook body ({@code {"object", "entry": [{"changes": [{"field", "value"}]}]}}) into events, walking
 * {@code entry[].changes[].value} like Kapso's SDK normaliser: one event per item of {@code messages},
 * {@code message_echoes}, {@code statuses} and {@code calls}, its body the change's {@code value} narrowed to that
 * item (metadata and the sender's contact kept); a change with none of those is one event of type
 * {@code meta.<field>}.
 */
final class MetaDeliveryReader {

    /** Event type of an unsplit Meta delivery: it may hold items of several kinds. */
    static final String WHOLE_DELIVERY_TYPE = "meta.webhook";

    private static final List<String> ITEM_ARRAYS = List.of("messages", "message_echoes", "statuses", "calls");

    private final boolean split;

    MetaDeliveryReader(boolean split) {
        this.split = split;
    }

    List<WebhookEvent> read(JsonNode body, String deliveryKey) throws MalformedDeliveryException {
        JsonNode entries = body.get("entry");
        if (entries == null || !entries.isArray()) {
            throw new MalformedDeliveryException("A Meta webhook delivery must have an entry array");
        }
        List<Item> items = new ArrayList<>();
        for (JsonNode entry : entries) {
            for (JsonNode change : entry.path("changes")) {
                collect(change, items);
            }
        }
        if (!split) {
            Set<String> types = new LinkedHashSet<>();
            items.forEach(i -> types.add(i.type));
            String phoneNumberId = items.isEmpty() ? null : items.get(0).phoneNumberId;
            return List.of(new WebhookEvent(WHOLE_DELIVERY_TYPE, types, deliveryKey, body, null, items.size(),
                    phoneNumberId, null, null));
        }
        List<WebhookEvent> events = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            boolean several = items.size() > 1;
            events.add(new WebhookEvent(item.type, Set.of(item.type), several ? deliveryKey + "#" + i : deliveryKey,
                    item.payload, several ? i : null, several ? items.size() : null, item.phoneNumberId, null,
                    item.messageId));
        }
        return events;
    }

    private static void collect(JsonNode change, List<Item> into) {
        JsonNode value = change.path("value");
        if (!value.isObject()) {
            return;
        }
        String phoneNumberId = value.path("metadata").path("phone_number_id").asText(null);
        boolean any = false;
        for (String array : ITEM_ARRAYS) {
            for (JsonNode element : value.path(array)) {
                any = true;
                into.add(new Item(typeOf(array, element), narrowed(value, array, element), phoneNumberId,
                        "calls".equals(array) ? null : element.path("id").asText(null)));
            }
        }
        if (!any) {
            into.add(new Item("meta." + change.path("field").asText("unknown"), value, phoneNumberId, null));
        }
    }

    private static String typeOf(String array, JsonNode element) {
        switch (array) {
            case "messages":
                return "whatsapp.message.received";
            case "statuses":
                return "whatsapp.message." + element.path("status").asText("unknown");
            default:
                return "meta." + array;
        }
    }

    /** The change value with only this item in its array, and only the matching contact when there are several. */
    private static ObjectNode narrowed(JsonNode value, String array, JsonNode element) {
        ObjectNode copy = ((ObjectNode) value).deepCopy();
        ITEM_ARRAYS.forEach(copy::remove);
        copy.putArray(array).add(element.deepCopy());
        JsonNode contacts = value.path("contacts");
        String from = element.path("from").asText(null);
        if (contacts.isArray() && contacts.size() > 1 && from != null) {
            ArrayNode matching = copy.putArray("contacts");
            contacts.forEach(c -> {
                if (from.equals(c.path("wa_id").asText(null))) {
                    matching.add(c.deepCopy());
                }
            });
        }
        return copy;
    }

    private record Item(String type, JsonNode payload, String phoneNumberId, String messageId) {
    }
}
