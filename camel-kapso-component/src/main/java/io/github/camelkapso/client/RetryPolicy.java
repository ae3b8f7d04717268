package io.github.camelkapso.client;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

import io.github.camelkapso.catalog.KapsoOperation;

/**
 * When to try a call again. A 429 is retried for every operation (Kapso did not act on it), honouring Retry-After up
 * to {@code maxRetryDelay}; 5xx answers and I/O failures only for idempotent operations, because a send that failed
 * on the way back may have been delivered. Without Retry-After the delay doubles per attempt, with "equal jitter"
 * (a random point in the upper half of the doubled delay) so that many callers failing together do not retry
 * together.
 */
final class RetryPolicy {

    private final int maxRetries;
    private final long baseDelayMillis;
    private final long maxDelayMillis;
    /** Given a bound n > 0, a number in [0, n). */
    private final LongUnaryOperator random;

    RetryPolicy(KapsoClientSettings settings) {
        this(settings, bound -> ThreadLocalRandom.current().nextLong(bound));
    }

    RetryPolicy(KapsoClientSettings settings, LongUnaryOperator random) {
        this.maxRetries = Math.max(0, settings.maxRetries());
        this.baseDelayMillis = Math.max(0, settings.retryDelay().toMillis());
        this.maxDelayMillis = Math.max(0, settings.maxRetryDelay().toMillis());
        this.random = random;
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
        if (status == 429 || status >= 500 && op.idempotent()) {
            return Optional.of(retryAfter != null ? cap(retryAfter.toMillis()) : backoff(attempt));
        }
        return Optional.empty();
    }

    private Duration backoff(int attempt) {
        long delay = Math.min(baseDelayMillis << Math.min(attempt - 1, 20), maxDelayMillis);
        long half = delay / 2;
        long spread = delay - half;
        return cap(half + (spread > 0 ? random.applyAsLong(spread + 1) : 0));
    }

    private Duration cap(long millis) {
        return Duration.ofMillis(Math.max(0, Math.min(millis, maxDelayMillis)));
    }
}
