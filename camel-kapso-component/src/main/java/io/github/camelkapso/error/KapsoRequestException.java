package io.github.camelkapso.error;

/** Bad input detected before any HTTP call was made (missing parameter, unreadable body, ...). */
public class KapsoRequestException extends KapsoException {

    private static final long serialVersionUID = 1L;

    public KapsoRequestException(String message) {
        super(message);
    }

    public KapsoRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
