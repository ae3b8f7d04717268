package io.github.camelkapso.event;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Why WhatsApp failed a message: Meta's error code (131047 is the closed 24-hour window), title and details. */
public record StatusError(Integer code, String title, String message, String details) {

    static List<StatusError> allOf(JsonNode status) {
        List<StatusError> out = new ArrayList<>();
        for (JsonNode error : Json.array(status, "errors")) {
            out.add(new StatusError(Json.integer(error, "code"), Json.text(error, "title"), Json.text(error, "message"),
                    Json.text(error, "error_data", "details")));
        }
        return List.copyOf(out);
    }
}
