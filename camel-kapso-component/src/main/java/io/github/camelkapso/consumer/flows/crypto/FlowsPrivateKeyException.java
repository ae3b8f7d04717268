package io.github.camelkapso.consumer.flows.crypto;

/**
 * The Flows business private key cannot be loaded: missing, not PEM, not RSA, encrypted without a passphrase, or a wrong
 * passphrase. The message says which and how to fix it; it never contains key material.
 */
public class FlowsPrivateKeyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public FlowsPrivateKeyException(String message) {
        super(message);
    }

    public FlowsPrivateKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
