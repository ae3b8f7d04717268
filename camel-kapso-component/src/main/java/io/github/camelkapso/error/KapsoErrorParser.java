package io.github.camelkapso.error;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a non-2xx Kapso answer into the matching {@link KapsoApiException}; never throws. */
public final class KapsoErrorParser {

    /** Longest raw body kept on the exception. */
    public static final int MAX_BODY_CHARS = 4096;

    private static final Logger LOG = LoggerFactory.getLogger(KapsoErrorParser.class);

    private KapsoErrorParser() {
    }

    /**
     * Parses an error answer. Headers are read only for Retry-After.
     *
     * @param operationId the component operation that failed, e.g. {@code sendMessage}; may be null
     * @param status      the HTTP status
     * @param headers     the response headers; may be null
     * @param body        the response body; may be null or empty
     */
    public static KapsoApiException parse(String operationId, int status, HttpHeaders headers, byte[] body) {
        return parse(operationId, status, headers, body, Clock.systemUTC());
    }

    static KapsoApiException parse(String operationId, int status, HttpHeaders headers, byte[] body, Clock clock) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        KapsoErrorDetails details;
        try {
            details = details(operationId, status, headers, text, clock);
        } catch (RuntimeException e) {
            LOG.debug("Could not read the error body of {} (HTTP {}): {}", operationId, status, e.toString());
            details = fallbackDetails(operationId, status, text);
        }
        return KapsoApiException.of(details);
    }

    private static KapsoErrorDetails details(String operationId, int status, HttpHeaders headers, String text,
            Clock clock) {
        Duration retryAfter = retryAfter(headers, clock);
        ParsedErrorBody parsed = ErrorBodyReader.read(text);
        String message = parsed.message;
        if (message == null && !parsed.errors.isEmpty()) {
            message = String.join("; ", parsed.errors);
        }
        KapsoErrorCategory category = KapsoErrorClassifier.categorize(parsed.code, parsed.platformCode, status);
        boolean retryable = RetryAdvice.isRetryable(category, parsed.code, status, retryAfter,
                message, parsed.details);
        return KapsoErrorDetails.builder(status)
                .operationId(operationId)
                .errorMessage(message)
                .code(parsed.code)
                .subcode(parsed.subcode)
                .type(parsed.type)
                .fbtraceId(parsed.fbtraceId)
                .errorDetails(parsed.details)
                .platformCode(parsed.platformCode)
                .errors(parsed.errors)
                .responseBody(truncate(text))
                .retryAfter(retryAfter)
                .category(category)
                .retryable(retryable)
                .build();
    }

    private static KapsoErrorDetails fallbackDetails(String operationId, int status, String text) {
        KapsoErrorCategory category = KapsoErrorClassifier.forStatus(status);
        return KapsoErrorDetails.builder(status)
                .operationId(operationId)
                .responseBody(truncate(text))
                .category(category)
                .retryable(RetryAdvice.isRetryable(category, null, status, null))
                .build();
    }

    private static Duration retryAfter(HttpHeaders headers, Clock clock) {
        return headers == null ? null : RetryAfterParser.parse(headers.firstValue("Retry-After").orElse(null), clock);
    }

    private static String truncate(String text) {
        if (text.length() <= MAX_BODY_CHARS) {
            return text;
        }
        int end = MAX_BODY_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
