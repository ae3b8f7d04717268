package io.github.camelkapso.consumer.flows.crypto;

import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES key and IV of one Flows request: the answer to that request is encrypted with the same key and the request IV
 * with every bit inverted.
 */
public final class FlowsSessionKey {

    static final int TAG_BITS = 128;

    private final SecretKeySpec aesKey;
    private final byte[] requestIv;

    FlowsSessionKey(byte[] aesKey, byte[] requestIv) {
        this.aesKey = new SecretKeySpec(aesKey, "AES");
        this.requestIv = requestIv.clone();
    }

    /** AES-GCM over the UTF-8 JSON with the flipped IV; base64 of ciphertext followed by the 16-byte tag. */
    public String encryptResponse(byte[] json) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BITS, flippedIv()));
            // the JDK appends the tag to the ciphertext, which is the layout WhatsApp expects
            return Base64.getEncoder().encodeToString(cipher.doFinal(json));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt the Flows response: " + e.getClass().getSimpleName(), e);
        }
    }

    byte[] flippedIv() {
        byte[] flipped = new byte[requestIv.length];
        for (int i = 0; i < requestIv.length; i++) {
            flipped[i] = (byte) (requestIv[i] ^ 0xff);
        }
        return flipped;
    }

    @Override
    public String toString() {
        return "FlowsSessionKey[AES-" + aesKey.getEncoded().length * 8 + "]";
    }
}
