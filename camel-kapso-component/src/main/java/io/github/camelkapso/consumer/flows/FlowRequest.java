package io.github.camelkapso.consumer.flows;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A decrypted Flows request: the JSON object WhatsApp sent, with the fields the consumer routes on.
 *
 * @param json      the whole request
 * @param plaintext the request exactly as decrypted (UTF-8 JSON)
 */
record FlowRequest(JsonNode json, byte[] plaintext) {

    static final String PING = "ping";

    String action() {
        return text("action");
    }

    String screen() {
        return text("screen");
    }

    String flowToken() {
        return text("flow_token");
    }

    String version() {
        return text("version");
    }

    boolean isPing() {
        return PING.equals(action());
    }

    /**
     * The error key of an error notification (the client rejected the previous reply), or null. Recognised as Meta's own
     * examples do: a {@code data} object with an {@code error} field.
     */
    String errorKey() {
        JsonNode data = json.get("data");
        if (data == null || !data.isObject()) {
            return null;
        }
        JsonNode error = data.get("error");
        return error == null || error.isNull() ? null : error.isTextual() ? error.asText() : error.toString();
    }

    private String text(String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }
}
