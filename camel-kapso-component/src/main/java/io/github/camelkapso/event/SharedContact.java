package io.github.camelkapso.event;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** A contact card a customer shared: its display name and phone numbers, with the full card in {@code raw}. */
public record SharedContact(String formattedName, List<String> phones, JsonNode raw) {

    static List<SharedContact> allOf(JsonNode message) {
        List<SharedContact> out = new ArrayList<>();
        for (JsonNode card : Json.array(message, "contacts")) {
            List<String> phones = new ArrayList<>();
            for (JsonNode phone : Json.array(card, "phones")) {
                String number = Json.firstText(Json.text(phone, "phone"), Json.text(phone, "wa_id"));
                if (number != null) {
                    phones.add(number);
                }
            }
            out.add(new SharedContact(Json.text(card, "name", "formatted_name"), List.copyOf(phones), card));
        }
        return List.copyOf(out);
    }
}
