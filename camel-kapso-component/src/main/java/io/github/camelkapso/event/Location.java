package io.github.camelkapso.event;

import com.fasterxml.jackson.databind.JsonNode;

/** A location a customer shared. */
public record Location(Double latitude, Double longitude, String name, String address, String url) {

    static Location of(JsonNode message) {
        JsonNode location = Json.container(message, "location");
        if (location == null) {
            return null;
        }
        return new Location(Json.decimal(location, "latitude"), Json.decimal(location, "longitude"),
                Json.text(location, "name"), Json.text(location, "address"), Json.text(location, "url"));
    }
}
