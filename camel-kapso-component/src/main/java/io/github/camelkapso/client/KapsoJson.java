package io.github.camelkapso.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one JSON configuration for Kapso's answers and bodies: unknown fields are kept in trees, never an error. */
public final class KapsoJson {

    private KapsoJson() {
    }

    public static ObjectMapper newMapper() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }
}
