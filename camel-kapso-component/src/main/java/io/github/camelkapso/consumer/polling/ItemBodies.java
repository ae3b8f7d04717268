package io.github.camelkapso.consumer.polling;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns a polled item into the exchange body: a Map by default (for an object item), or the endpoint's responseClass as the producer does. */
final class ItemBodies {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Class<?> type;

    ItemBodies(Class<?> responseClass) {
        this.type = responseClass;
    }

    Object body(JsonNode item) throws JsonProcessingException {
        if (type == null || type == Object.class || type == Map.class) {
            return MAPPER.treeToValue(item, Object.class);
        }
        if (JsonNode.class.isAssignableFrom(type)) {
            return item;
        }
        if (type == String.class) {
            return MAPPER.writeValueAsString(item);
        }
        return MAPPER.treeToValue(item, type);
    }
}
