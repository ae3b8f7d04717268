package io.github.camelkapso.consumer.flows.crypto;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.github.camelkapso.consumer.flows.FlowsTestKeys;
import io.github.camelkapso.consumer.flows.WhatsAppFlowsClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlowsEnvelopeCipherTest {

    private final FlowsEnvelopeCipher cipher = new FlowsEnvelopeCipher(FlowsTestKeys.BUSINESS.getPrivate());
    private final SecureRandom random = new SecureRandom();

    private FlowsEnvelope envelope(String json, byte[] aesKey, byte[] iv, String rsaTransformation) throws Exception {
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, iv));
        Cipher rsa = Cipher.getInstance(rsaTransformation);
        rsa.init(Cipher.ENCRYPT_MODE, FlowsTestKeys.BUSINESS.getPublic());
        return new FlowsEnvelope(gcm.doFinal(json.getBytes(StandardCharsets.UTF_8)), rsa.doFinal(aesKey), iv);
    }

    private byte[] random(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    @Test
    void decryptsWhatWhatsAppSendsAndAnswersWithTheRequestKeyAndTheFlippedIv() throws Exception {
        byte[] key = random(16);
        byte[] iv = random(16);
        WhatsAppFlowsClient.Envelope sent = new WhatsAppFlowsClient(URI.create("http://unused"), FlowsTestKeys.BUSINESS.getPublic())
                .encrypt("{\"action\":\"ping\"}");
        FlowsEnvelope envelope = new FlowsEnvelope(b64(sent.fields().get("encrypted_flow_data")),
                b64(sent.fields().get("encrypted_aes_key")), b64(sent.fields().get("initial_vector")));

        FlowsEnvelopeCipher.Decrypted decrypted = cipher.decrypt(envelope);
        assertThat(new String(decrypted.plaintext(), StandardCharsets.UTF_8)).isEqualTo("{\"action\":\"ping\"}");
        String answer = decrypted.sessionKey().encryptResponse("{\"data\":{}}".getBytes(StandardCharsets.UTF_8));
        assertThat(WhatsAppFlowsClient.decrypt(sent, answer).toString()).isEqualTo("{\"data\":{}}");

        String direct = new FlowsSessionKey(key, iv).encryptResponse("{\"data\":{}}".getBytes(StandardCharsets.UTF_8));
        byte[] flipped = new byte[16];
        for (int i = 0; i < 16; i++) {
            flipped[i] = (byte) (iv[i] ^ 0xff);
        }
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, flipped));
        assertThat(new String(gcm.doFinal(Base64.getDecoder().decode(direct)), StandardCharsets.UTF_8)).isEqualTo("{\"data\":{}}");
        // ciphertext followed by the 16-byte tag
        assertThat(Base64.getDecoder().decode(direct)).hasSize("{\"data\":{}}".length() + 16);
    }

    private static byte[] b64(String text) {
        return Base64.getDecoder().decode(text);
    }

    @Test
    void anAesKeyWrappedWithMgf1Sha1IsRejected() throws Exception {
        // the JDK's default parameters for this transformation string use SHA-1 in MGF1; WhatsApp uses SHA-256
        FlowsEnvelope sha1Mgf = envelope("{}", random(16), random(16), "RSA/ECB/OAEPWithSHA-256AndMGF1Padding");

        assertThatThrownBy(() -> cipher.decrypt(sha1Mgf))
                .isInstanceOf(FlowsDecryptionException.class)
                .satisfies(e -> assertThat(((FlowsDecryptionException) e).getDetail()).contains("RSA-OAEP"));
    }

    @Test
    void aWrappedKeyThatIsNotAes128IsRejected() throws Exception {
        FlowsEnvelope pkcs1Padded = envelope("{}", random(16), random(16), "RSA/ECB/PKCS1Padding");
        assertThatThrownBy(() -> cipher.decrypt(pkcs1Padded)).isInstanceOf(FlowsDecryptionException.class);
    }

    @Test
    void aTruncatedPayloadIsRejected() {
        FlowsEnvelope truncated = new FlowsEnvelope(new byte[10], new byte[256], new byte[16]);

        assertThatThrownBy(() -> cipher.decrypt(truncated)).hasMessageContaining("shorter than the 16-byte");
    }
}
