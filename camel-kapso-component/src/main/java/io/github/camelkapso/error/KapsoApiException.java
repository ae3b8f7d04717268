package io.github.camelkapso.error;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Kapso or Meta answered with a non-2xx status. */
public class KapsoApiException extends KapsoException {

    private static final long serialVersionUID = 1L;

    private final KapsoErrorDetails details;

    public KapsoApiException(KapsoErrorDetails details) {
        super(ErrorMessageFormatter.format(Objects.requireNonNull(details, "details")));
        this.details = details;
    }

    /** Creates the exception subclass that matches the HTTP status of {@code details}. */
    public static KapsoApiException of(KapsoErrorDetails details) {
        int status = details.httpStatus();
        return switch (status) {
            case 401, 403 -> new KapsoAuthenticationException(details);
            case 404 -> new KapsoNotFoundException(details);
            case 400, 422 -> new KapsoValidationException(details);
            case 429 -> new KapsoRateLimitException(details);
            default -> status >= 500 ? new KapsoServerException(details) : new KapsoApiException(details);
        };
    }

    public KapsoErrorDetails getDetails() {
        return details;
    }

    public int getHttpStatus() {
        return details.httpStatus();
    }

    public String getOperationId() {
        return details.operationId();
    }

    public String getErrorMessage() {
        return details.errorMessage();
    }

    public Integer getCode() {
        return details.code();
    }

    public Integer getSubcode() {
        return details.subcode();
    }

    public String getType() {
        return details.type();
    }

    public String getFbtraceId() {
        return details.fbtraceId();
    }

    public String getErrorDetails() {
        return details.errorDetails();
    }

    public String getPlatformCode() {
        return details.platformCode();
    }

    public List<String> getErrors() {
        return details.errors();
    }

    public String getResponseBody() {
        return details.responseBody();
    }

    public Duration getRetryAfter() {
        return details.retryAfter();
    }

    public KapsoErrorCategory getCategory() {
        return details.category();
    }

    public boolean isRetryable() {
        return details.retryable();
    }
}
