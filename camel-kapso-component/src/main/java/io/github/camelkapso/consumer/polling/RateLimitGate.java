package io.github.camelkapso.consumer.polling;

import java.time.Duration;

/** Keeps polls from reaching Kapso until a Retry-After has passed. */
final class RateLimitGate {

    private volatile long openAtNanos;
    private volatile boolean closed;

    /** Blocks polls for {@code retryAfter}; a null or non-positive one blocks nothing. */
    void closeFor(Duration retryAfter) {
        if (retryAfter == null || retryAfter.isZero() || retryAfter.isNegative()) {
            return;
        }
        openAtNanos = System.nanoTime() + retryAfter.toNanos();
        closed = true;
    }

    boolean isClosed() {
        if (closed && System.nanoTime() - openAtNanos >= 0) {
            closed = false;
        }
        return closed;
    }

    /** How long polls stay blocked; zero when open. */
    Duration remaining() {
        return isClosed() ? Duration.ofNanos(openAtNanos - System.nanoTime()) : Duration.ZERO;
    }
}
