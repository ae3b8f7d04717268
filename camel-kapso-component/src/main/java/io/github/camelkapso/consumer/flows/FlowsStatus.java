package io.github.camelkapso.consumer.flows;

/** The HTTP statuses Meta gives a meaning to on a Flows data endpoint. */
final class FlowsStatus {

    static final int OK = 200;
    static final int PAYLOAD_TOO_LARGE = 413;
    /** WhatsApp re-fetches the public key and retries. */
    static final int CANNOT_DECRYPT = 421;
    /** The flow token is no longer valid: WhatsApp shows the user an error and closes the Flow. */
    static final int FLOW_TOKEN_INVALID = 427;
    static final int SIGNATURE_FAILED = 432;
    static final int INTERNAL_ERROR = 500;

    private FlowsStatus() {
    }
}
