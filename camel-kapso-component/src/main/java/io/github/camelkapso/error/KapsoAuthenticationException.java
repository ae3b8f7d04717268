package io.github.camelkapso.error;

/** Kapso rejected the credentials or the permission (HTTP 401 or 403). */
public class KapsoAuthenticationException extends KapsoApiException {

    private static final long serialVersionUID = 1L;

    public KapsoAuthenticationException(KapsoErrorDetails details) {
        super(details);
    }
}
