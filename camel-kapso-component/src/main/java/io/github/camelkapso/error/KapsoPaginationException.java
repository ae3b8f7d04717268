package io.github.camelkapso.error;

/** Automatic pagination stopped because Kapso handed back a cursor or page it had already given. */
public class KapsoPaginationException extends KapsoException {

    public KapsoPaginationException(String message) {
        super(message);
    }
}
