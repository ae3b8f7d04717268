package io.github.camelkapso.producer;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import io.github.camelkapso.KapsoConfiguration;
import io.github.camelkapso.catalog.KapsoOperation;

/**
 * When to try a call again. A 429 is retried for every operation (Kapso did not act on it), honouring Retry-After up
 * to {@code maxRetryDelay}; 5xx answers and I/O failures only for idempotent operations, because a send that failed
 * on the way back may have been delivered.
 */
final class RetryPolicy {

    private final int maxRetries;
    private final long baseDelayMillis;
    private final long maxDelayMillis;

    RetryPolicy(KapsoConfiguration cfg) {
        this.maxRetries = Math.max(0, cfg.getMaxRetries());
        this.baseDelayMillis = Math.max(0, cfg.getRetryDelay());
        this.maxDelayMillis = Math.max(0, cfg.getMaxRetryDelay());
    }

    /**
     * @param attempt    the attempt that just ended, starting at 1
     * @param status     its HTTP status, or 0 when it failed without an answer
     * @param retryAfter the Retry-After the answer carried, if any
     * @param failure    the I/O failure, if there was no answer
     */
    Optional<Duration> nextDelay(KapsoOperation op, int attempt, int status, Duration retryAfter, Throwable failure) {
        if (attempt > maxRetries) {
            return Optional.empty();
        }
        if (failure != null) {
            return failure instanceof IOException && op.idempotent() ? Optional.of(backoff(attempt)) : Optional.empty();
        }
        if (status == 429) {
            return Optional.of(retryAfter != null ? cap(retryAfter.toMillis()) : backoff(attempt));
        }
        if (status >= 500 && op.idempotent()) {
            return Optional.of(retryAfter != null ? cap(retryAfter.toMillis()) : backoff(attempt));
        }
        return Optional.empty();
    }

    private Duration backoff(int attempt) {
        long delay = baseDelayMillis << Math.min(attempt - 1, 20);
        return cap(delay);
    }

    private Duration cap(long millis) {
        return Duration.ofMillis(Math.max(0, Math.min(millis, maxDelayMillis)));
    }
}
