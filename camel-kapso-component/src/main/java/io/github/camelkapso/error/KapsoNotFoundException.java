package io.github.camelkapso.error;

/** The addressed Kapso or Meta resource does not exist (HTTP 404). */
public class KapsoNotFoundException extends KapsoApiException {

    private static final long serialVersionUID = 1L;

    public KapsoNotFoundException(KapsoErrorDetails details) {
        super(details);
    }
}
