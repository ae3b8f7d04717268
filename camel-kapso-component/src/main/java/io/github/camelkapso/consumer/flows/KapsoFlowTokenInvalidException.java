package io.github.camelkapso.consumer.flows;

/**
 * Thrown by a {@code kapso:flowsDataEndpoint} route to say the flow token is no longer valid (the order was already
 * placed, the session expired): the consumer answers HTTP 427, WhatsApp shows the user a generic error, or the message
 * given here, and disables the flow's button. Setting the header {@code CamelKapsoFlowTokenInvalid} to true does the same
 * without an exception (and without the error handler logging one).
 */
public class KapsoFlowTokenInvalidException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String userMessage;

    /** WhatsApp shows its generic error. */
    public KapsoFlowTokenInvalidException() {
        this(null);
    }

    /** @param userMessage the text WhatsApp shows the user (sent as {@code {"error_msg": ...}}), or null */
    public KapsoFlowTokenInvalidException(String userMessage) {
        super(userMessage == null ? "The flow token is no longer valid" : "The flow token is no longer valid: " + userMessage);
        this.userMessage = userMessage;
    }

    /** The text shown to the user, or null for WhatsApp's generic error. */
    public String getUserMessage() {
        return userMessage;
    }
}
