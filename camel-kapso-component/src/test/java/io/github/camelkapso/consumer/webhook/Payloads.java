package io.github.camelkapso.consumer.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Webhook payloads from Kapso's webhook contract, in src/test/resources/io/github/camelkapso/webhooks. */
final class Payloads {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Payloads() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Payloads.class.getResourceAsStream("/io/github/camelkapso/webhooks/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test payload " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String name) {
        try {
            return MAPPER.readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
