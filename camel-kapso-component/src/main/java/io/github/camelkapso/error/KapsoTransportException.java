package io.github.camelkapso.error;

/** A call that got no answer from Kapso: connection refused or reset, TLS failure, timeout. */
public class KapsoTransportException extends KapsoException {

    private static final long serialVersionUID = 1L;

    private final String operationId;
    private final int attempts;

    public KapsoTransportException(String operationId, String target, int attempts, Throwable cause) {
        super("Kapso " + operationId + " failed without an answer after " + attempts + " attempt(s) (" + target + "): "
              + describe(cause), cause);
        this.operationId = operationId;
        this.attempts = attempts;
    }

    public String getOperationId() {
        return operationId;
    }

    public int getAttempts() {
        return attempts;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isEmpty() ? "" : ": " + message);
    }
}
