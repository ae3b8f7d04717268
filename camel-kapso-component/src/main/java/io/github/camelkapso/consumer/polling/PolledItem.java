package io.github.camelkapso.consumer.polling;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One item of a polled list.
 *
 * @param node      the item as Kapso sent it
 * @param id        its {@code id}, or its JSON text when it has none
 * @param value     its order value, or null when the order field is missing or unreadable
 * @param position  where it came in the walk (0 for the first item of the first page)
 * @param duplicate whether the idempotent repository already knows the id: it is passed over, not emitted
 */
record PolledItem(JsonNode node, String id, OrderValue value, int position, boolean duplicate) {

    static String idOf(JsonNode node) {
        JsonNode id = node.get("id");
        return id != null && id.isValueNode() && !id.isNull() ? id.asText() : node.toString();
    }
}
