package io.github.camelkapso.consumer.flows.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts WhatsApp Flows requests (data_api_version 3.0): the AES-128 key is unwrapped with RSA-OAEP (SHA-256, MGF1
 * with SHA-256, empty label), then the payload is AES-GCM decrypted with the request IV, 128-bit tag appended, no AAD.
 * Thread-safe: a cipher is created per call.
 */
public final class FlowsEnvelopeCipher {

    /**
     * Spelled out: for "RSA/ECB/OAEPWithSHA-256AndMGF1Padding" the JDK defaults MGF1 to SHA-1, which is not what WhatsApp
     * uses.
     */
    private static final OAEPParameterSpec OAEP_SHA256
            = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    private static final int AES_KEY_BYTES = 16;
    private static final int IV_BYTES = 16;
    private static final int TAG_BYTES = FlowsSessionKey.TAG_BITS / 8;
    /** What the caller is told for every cryptographic failure, whichever step failed. */
    private static final String CANNOT_DECRYPT = "The request cannot be decrypted with this endpoint's private key";

    private final PrivateKey privateKey;

    public FlowsEnvelopeCipher(PrivateKey privateKey) {
        this.privateKey = privateKey;
    }

    /** The decrypted request and the key to encrypt its answer with. */
    public record Decrypted(byte[] plaintext, FlowsSessionKey sessionKey) {
    }

    public Decrypted decrypt(FlowsEnvelope envelope) throws FlowsDecryptionException {
        if (envelope.initialVector().length != IV_BYTES) {
            throw new FlowsDecryptionException("The request's initial_vector must be " + IV_BYTES + " bytes, not "
                                               + envelope.initialVector().length);
        }
        if (envelope.encryptedFlowData().length < TAG_BYTES) {
            throw new FlowsDecryptionException("The request's encrypted_flow_data is shorter than the " + TAG_BYTES
                                               + "-byte authentication tag");
        }
        byte[] aesKey = unwrapAesKey(envelope.encryptedAesKey());
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"),
                    new GCMParameterSpec(FlowsSessionKey.TAG_BITS, envelope.initialVector()));
            byte[] plaintext = gcm.doFinal(envelope.encryptedFlowData());
            return new Decrypted(plaintext, new FlowsSessionKey(aesKey, envelope.initialVector()));
        } catch (AEADBadTagException e) {
            throw new FlowsDecryptionException(CANNOT_DECRYPT, "AES-GCM authentication tag mismatch (tampered or truncated"
                                                               + " encrypted_flow_data, or a different IV)");
        } catch (GeneralSecurityException e) {
            throw new FlowsDecryptionException(CANNOT_DECRYPT, "AES-GCM decryption failed: " + e.getClass().getSimpleName());
        } finally {
            Arrays.fill(aesKey, (byte) 0);
        }
    }

    private byte[] unwrapAesKey(byte[] encryptedAesKey) throws FlowsDecryptionException {
        byte[] aesKey;
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.DECRYPT_MODE, privateKey, OAEP_SHA256);
            aesKey = rsa.doFinal(encryptedAesKey);
        } catch (GeneralSecurityException e) {
            throw new FlowsDecryptionException(CANNOT_DECRYPT, "RSA-OAEP (SHA-256/MGF1-SHA-256) unwrap of encrypted_aes_key"
                                                               + " failed: the request was encrypted for another public key,"
                                                               + " or encrypted_aes_key is corrupt ("
                                                               + e.getClass().getSimpleName() + ")");
        }
        if (aesKey.length != AES_KEY_BYTES) {
            int length = aesKey.length;
            Arrays.fill(aesKey, (byte) 0);
            throw new FlowsDecryptionException(CANNOT_DECRYPT, "encrypted_aes_key holds a " + length + "-byte key, not an"
                                                               + " AES-128 key");
        }
        return aesKey;
    }
}
