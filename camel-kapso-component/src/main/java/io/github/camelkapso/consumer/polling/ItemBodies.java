package io.github.camelkapso.consumer.polling;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns a polled item into the exchange body: a Map by default (for an object item), or the endpoint's responseClass as the producer does. */
final class ItemBodies {


    private final ObjectMapper mapper;
    private final Class<?> type;

    ItemBodies(ObjectMapper mapper, Class<?> responseClass) {
        this.mapper = mapper;
        this.type = responseClass;
    }

    Object body(JsonNode item) throws JsonProcessingException {
        if (type == null || type == Object.class || type == Map.class) {
            return mapper.treeToValue(item, Object.class);
        }
        if (JsonNode.class.isAssignableFrom(type)) {
            return item;
        }
        if (type == String.class) {
            return mapper.writeValueAsString(item);
        }
        return mapper.treeToValue(item, type);
    }
}
