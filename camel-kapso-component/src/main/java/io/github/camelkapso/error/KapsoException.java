package io.github.camelkapso.error;

/** Base of every exception the Kapso component throws. */
public class KapsoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KapsoException(String message) {
        super(message);
    }

    public KapsoException(String message, Throwable cause) {
        super(message, cause);
    }
}
