package io.github.camelkapso.event;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code whatsapp.phone_number.created} (a customer connected a number) or {@code whatsapp.phone_number.deleted}. */
public record PhoneNumberEvent(String type, String phoneNumberId, String projectId, String customerId, JsonNode raw)
        implements KapsoEvent {

    static PhoneNumberEvent of(String type, JsonNode payload) {
        return new PhoneNumberEvent(type, Json.text(payload, "phone_number_id"),
                Json.firstText(Json.text(payload, "project", "id"), Json.text(payload, "project_id")),
                Json.firstText(Json.text(payload, "customer", "id"), Json.text(payload, "customer_id")), payload);
    }

    public boolean created() {
        return type.endsWith(".created");
    }

    public boolean deleted() {
        return type.endsWith(".deleted");
    }
}
