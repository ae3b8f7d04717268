package io.github.camelkapso.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How Meta prices a message (a status's {@code pricing}).
 *
 * @param pricingModel CBP (per conversation) or PMP (per message)
 * @param category     marketing, utility, authentication, service, ...
 * @param type         regular, free_customer_service or free_entry_point (per-message pricing)
 */
public record Pricing(Boolean billable, String pricingModel, String category, String type) {

    static Pricing of(JsonNode status) {
        JsonNode pricing = Json.container(status, "pricing");
        if (pricing == null) {
            return null;
        }
        return new Pricing(Json.bool(pricing, "billable"), Json.text(pricing, "pricing_model"),
                Json.text(pricing, "category"), Json.text(pricing, "type"));
    }
}
