package io.github.camelkapso.consumer.flows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Plays WhatsApp against a Flows data endpoint, written from Meta's protocol description: a random AES-128 key and a
 * random 16-byte IV per request, AES-GCM with the tag appended, the key wrapped with RSA-OAEP (SHA-256, MGF1-SHA-256,
 * empty label) for the business public key; the answer is decrypted with the same key and the IV with every bit
 * flipped.
 */
public final class WhatsAppFlowsClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final PublicKey businessPublicKey;
    private String appSecret;

    public WhatsAppFlowsClient(URI endpoint, PublicKey businessPublicKey) {
        this.endpoint = endpoint;
        this.businessPublicKey = businessPublicKey;
    }

    /** Signs every request with X-Hub-Signature-256 under this secret from now on. */
    public WhatsAppFlowsClient signingWith(String appSecret) {
        this.appSecret = appSecret;
        return this;
    }

    /** One encrypted request: the envelope fields and the secrets needed to read its answer. */
    public record Envelope(Map<String, String> fields, byte[] aesKey, byte[] iv) {

        public Envelope with(String field, String value) {
            Map<String, String> copy = new LinkedHashMap<>(fields);
            if (value == null) {
                copy.remove(field);
            } else {
                copy.put(field, value);
            }
            return new Envelope(copy, aesKey, iv);
        }

        public String json() {
            try {
                return MAPPER.writeValueAsString(fields);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** An HTTP answer, with the decrypted body when it is a 200. */
    public record Answer(int status, String contentType, String body, JsonNode decrypted) {
    }

    public Envelope encrypt(String requestJson) {
        return encrypt(requestJson, businessPublicKey);
    }

    public Envelope encrypt(String requestJson, PublicKey forKey) {
        try {
            byte[] aesKey = new byte[16];
            byte[] iv = new byte[16];
            RANDOM.nextBytes(aesKey);
            RANDOM.nextBytes(iv);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, iv));
            byte[] flowData = gcm.doFinal(requestJson.getBytes(StandardCharsets.UTF_8));
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, forKey,
                    new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
            byte[] wrappedKey = rsa.doFinal(aesKey);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("encrypted_flow_data", b64(flowData));
            fields.put("encrypted_aes_key", b64(wrappedKey));
            fields.put("initial_vector", b64(iv));
            return new Envelope(fields, aesKey, iv);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Encrypts, posts and decrypts the answer. */
    public Answer exchange(String requestJson) {
        Envelope envelope = encrypt(requestJson);
        return post(envelope, envelope.json());
    }

    public Answer post(Envelope envelope, String body) {
        return post(envelope, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** Posts the exact bytes given, signed when a secret is set (unless headers already carry a signature). */
    public Answer post(Envelope envelope, byte[] body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (appSecret != null && !headers.containsKey("X-Hub-Signature-256")) {
                request.header("X-Hub-Signature-256", sign(appSecret, body));
            }
            headers.forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            JsonNode decrypted = response.statusCode() == 200 && envelope != null ? decrypt(envelope, response.body()) : null;
            return new Answer(response.statusCode(), contentType, response.body(), decrypted);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer body: base64 of AES-GCM(ciphertext || tag) under the request key and the flipped IV. */
    public static JsonNode decrypt(Envelope envelope, String base64) {
        try {
            byte[] flipped = new byte[envelope.iv().length];
            for (int i = 0; i < flipped.length; i++) {
                flipped[i] = (byte) ~envelope.iv()[i];
            }
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(envelope.aesKey(), "AES"), new GCMParameterSpec(128, flipped));
            return MAPPER.readTree(gcm.doFinal(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("The answer does not decrypt with the request key and flipped IV", e);
        }
    }

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            StringBuilder hex = new StringBuilder("sha256=");
            for (byte b : mac.doFinal(body)) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public URI endpoint() {
        return endpoint;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
