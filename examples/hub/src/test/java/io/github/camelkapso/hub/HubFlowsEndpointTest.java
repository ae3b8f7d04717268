package io.github.camelkapso.hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub's Flows data endpoint answers the sample survey Flow, talked to the way WhatsApp does: the request encrypted
 * for the hub's public key (RSA-OAEP-SHA256 key wrap, AES-128-GCM), the answer decrypted with the flipped IV.
 */
class HubFlowsEndpointTest extends HubTestBase {

    private static final ObjectMapper MAPPER = new ObjectMapper();


    @Test
    void surveyOpensOnInitAndCompletesOnDataExchange() throws Exception {
        JsonNode init = exchange(Map.of("version", "3.0", "action", "INIT", "flow_token", "tok-42"));
        assertThat(init.path("screen").asText()).isEqualTo("RATE");
        assertThat(init.path("data").path("ratings")).hasSize(5);

        JsonNode done = exchange(Map.of("version", "3.0", "action", "data_exchange", "screen", "RATE", "flow_token", "tok-42",
                "data", Map.of("rating", "5", "comment", "great")));
        assertThat(done.path("screen").asText()).isEqualTo("SUCCESS");
        JsonNode params = done.path("data").path("extension_message_response").path("params");
        assertThat(params.path("flow_token").asText()).isEqualTo("tok-42");
        assertThat(params.path("answers").path("rating").asText()).isEqualTo("5");
    }

    private JsonNode exchange(Map<String, Object> request) throws Exception {
        byte[] aesKey = new byte[16];
        byte[] iv = new byte[16];
        SecureRandom random = new SecureRandom();
        random.nextBytes(aesKey);
        random.nextBytes(iv);

        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, iv));
        byte[] encryptedData = gcm.doFinal(MAPPER.writeValueAsBytes(request));
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(Cipher.ENCRYPT_MODE, publicKey(), new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                PSource.PSpecified.DEFAULT));
        byte[] encryptedKey = rsa.doFinal(aesKey);

        Base64.Encoder b64 = Base64.getEncoder();
        String envelope = MAPPER.writeValueAsString(Map.of("encrypted_flow_data", b64.encodeToString(encryptedData),
                "encrypted_aes_key", b64.encodeToString(encryptedKey), "initial_vector", b64.encodeToString(iv)));
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.settings().port() + HubRoutes.FLOWS_PATH))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("answer %s", answer.body()).isEqualTo(200);

        byte[] flipped = new byte[16];
        for (int i = 0; i < 16; i++) {
            flipped[i] = (byte) (iv[i] ^ 0xFF);
        }
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, flipped));
        return MAPPER.readTree(new String(gcm.doFinal(Base64.getDecoder().decode(answer.body().trim())), StandardCharsets.UTF_8));
    }

    private PublicKey publicKey() throws Exception {
        List<String> lines = Files.readAllLines(dataDir.resolve(FlowsKeyPair.PUBLIC_KEY_FILE));
        String base64 = String.join("", lines.subList(1, lines.size() - 1));
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
