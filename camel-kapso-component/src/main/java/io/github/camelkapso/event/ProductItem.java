package io.github.camelkapso.event;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One line of an {@link Order}.
 *
 * @param productRetailerId the product's id in the catalog (its SKU)
 * @param itemPrice         the price of one item, in {@code currency}
 */
public record ProductItem(String productRetailerId, Integer quantity, BigDecimal itemPrice, String currency) {

    static List<ProductItem> allOf(JsonNode order) {
        List<ProductItem> out = new ArrayList<>();
        for (JsonNode item : Json.array(order, "product_items")) {
            out.add(new ProductItem(Json.text(item, "product_retailer_id"), Json.integer(item, "quantity"),
                    Json.amount(item, "item_price"), Json.text(item, "currency")));
        }
        return List.copyOf(out);
    }
}
