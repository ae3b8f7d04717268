package io.github.camelkapso.error;

/** Kapso or Meta rejected the request as invalid (HTTP 400 or 422). */
public class KapsoValidationException extends KapsoApiException {

    private static final long serialVersionUID = 1L;

    public KapsoValidationException(KapsoErrorDetails details) {
        super(details);
    }
}
