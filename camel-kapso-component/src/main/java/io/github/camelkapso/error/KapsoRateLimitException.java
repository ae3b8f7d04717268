package io.github.camelkapso.error;

/** Kapso or Meta rate-limited the call (HTTP 429); see {@link #getRetryAfter()}. */
public class KapsoRateLimitException extends KapsoApiException {

    private static final long serialVersionUID = 1L;

    public KapsoRateLimitException(KapsoErrorDetails details) {
        super(details);
    }
}
