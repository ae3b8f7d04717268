package io.github.camelkapso.consumer.flows.crypto;

/**
 * A Flows request that cannot be decrypted (answered HTTP 421). {@link #getMessage()} is safe to send back to the caller;
 * {@link #getDetail()} is for the server log only: telling a caller which cryptographic step failed (the RSA-OAEP key
 * unwrap or the AES-GCM tag) would hand it a decryption oracle.
 */
public class FlowsDecryptionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String detail;

    public FlowsDecryptionException(String publicMessage, String detail) {
        super(publicMessage);
        this.detail = detail;
    }

    /** The same text as the message: the problem is in the envelope's shape, which the caller may know. */
    public FlowsDecryptionException(String publicMessage) {
        this(publicMessage, publicMessage);
    }

    public String getDetail() {
        return detail;
    }
}
