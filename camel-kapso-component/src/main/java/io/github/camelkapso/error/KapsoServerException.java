package io.github.camelkapso.error;

/** Kapso or an upstream service failed (HTTP 5xx). */
public class KapsoServerException extends KapsoApiException {

    private static final long serialVersionUID = 1L;

    public KapsoServerException(KapsoErrorDetails details) {
        super(details);
    }
}
