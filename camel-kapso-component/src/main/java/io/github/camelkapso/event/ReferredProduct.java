package io.github.camelkapso.event;

import com.fasterxml.jackson.databind.JsonNode;

/** The catalog product a customer asked about (the message's {@code context.referred_product}). */
public record ReferredProduct(String catalogId, String productRetailerId) {

    static ReferredProduct of(JsonNode message) {
        JsonNode product = Json.container(message, "context", "referred_product");
        return product == null ? null
                : new ReferredProduct(Json.text(product, "catalog_id"), Json.text(product, "product_retailer_id"));
    }
}
