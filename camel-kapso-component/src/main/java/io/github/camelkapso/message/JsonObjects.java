package io.github.camelkapso.message;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON objects as Maps that keep the order they were written in, so the wire body reads like Meta's examples. */
final class JsonObjects {

    private JsonObjects() {
    }

    static Map<String, Object> of(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }

    static Map<String, Object> of(String key1, Object value1, String key2, Object value2) {
        Map<String, Object> map = of(key1, value1);
        map.put(key2, value2);
        return map;
    }
}
