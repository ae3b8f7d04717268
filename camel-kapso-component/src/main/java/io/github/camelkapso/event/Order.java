package io.github.camelkapso.event;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a customer ordered from a catalog (a message of type {@code order}).
 *
 * @param text the note the customer wrote with the order (Meta's {@code order.text}, Kapso's {@code kapso.order_text})
 */
public record Order(String catalogId, String text, List<ProductItem> productItems) {

    static Order of(JsonNode message) {
        JsonNode order = Json.container(message, "order");
        if (order == null) {
            return null;
        }
        return new Order(Json.text(order, "catalog_id"),
                Json.firstText(Json.text(order, "text"), Json.text(message, "kapso", "order_text")),
                ProductItem.allOf(order));
    }
}
