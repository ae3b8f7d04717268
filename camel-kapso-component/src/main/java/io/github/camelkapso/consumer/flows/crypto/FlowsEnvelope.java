package io.github.camelkapso.consumer.flows.crypto;

import java.io.IOException;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON body WhatsApp POSTs to a Flows data endpoint: three base64 fields, all required.
 *
 * @param encryptedFlowData AES-GCM ciphertext of the request with the 16-byte tag appended
 * @param encryptedAesKey   the AES-128 key, RSA-OAEP encrypted with the business public key
 * @param initialVector     the 16-byte IV of the request
 */
public record FlowsEnvelope(byte[] encryptedFlowData, byte[] encryptedAesKey, byte[] initialVector) {

    public static final String ENCRYPTED_FLOW_DATA = "encrypted_flow_data";
    public static final String ENCRYPTED_AES_KEY = "encrypted_aes_key";
    public static final String INITIAL_VECTOR = "initial_vector";

    /** Reads the envelope from the raw request body; any deviation is a {@link FlowsDecryptionException} (HTTP 421). */
    public static FlowsEnvelope parse(byte[] body, ObjectMapper mapper) throws FlowsDecryptionException {
        if (body == null || body.length == 0) {
            throw new FlowsDecryptionException("The request has no body; expected a JSON object with " + ENCRYPTED_FLOW_DATA
                                               + ", " + ENCRYPTED_AES_KEY + " and " + INITIAL_VECTOR);
        }
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (IOException e) {
            throw new FlowsDecryptionException("The request body is not JSON; expected a JSON object with "
                                               + ENCRYPTED_FLOW_DATA + ", " + ENCRYPTED_AES_KEY + " and " + INITIAL_VECTOR);
        }
        if (json == null || !json.isObject()) {
            throw new FlowsDecryptionException("The request body is not a JSON object; expected one with " + ENCRYPTED_FLOW_DATA
                                               + ", " + ENCRYPTED_AES_KEY + " and " + INITIAL_VECTOR);
        }
        return new FlowsEnvelope(base64Field(json, ENCRYPTED_FLOW_DATA), base64Field(json, ENCRYPTED_AES_KEY),
                base64Field(json, INITIAL_VECTOR));
    }

    private static byte[] base64Field(JsonNode json, String name) throws FlowsDecryptionException {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            throw new FlowsDecryptionException("The request has no " + name + " (required)");
        }
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new FlowsDecryptionException("The request's " + name + " must be a non-empty base64 string");
        }
        try {
            return Base64.getDecoder().decode(value.asText());
        } catch (IllegalArgumentException e) {
            throw new FlowsDecryptionException("The request's " + name + " is not valid base64");
        }
    }
}
