package io.github.camelkapso.producer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per phone number token buckets for message sends. Callers reserve a slot and are told how long to wait; nobody
 * blocks a thread while waiting.
 */
public final class SendThrottle {

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /** Nanoseconds to wait before sending on this number at {@code ratePerSecond}. */
    public long reserve(String phoneNumberId, double ratePerSecond) {
        String key = phoneNumberId == null ? "" : phoneNumberId;
        return buckets.computeIfAbsent(key, k -> new TokenBucket(ratePerSecond)).reserve(System.nanoTime());
    }

    /** A bucket that holds one second's worth of tokens and lets reservations run into debt. */
    static final class TokenBucket {

        private final double ratePerNano;
        private final double capacity;
        private double tokens;
        private long lastRefill;

        TokenBucket(double ratePerSecond) {
            if (ratePerSecond <= 0) {
                throw new IllegalArgumentException("throttleRate must be positive, got " + ratePerSecond);
            }
            this.ratePerNano = ratePerSecond / 1_000_000_000d;
            this.capacity = Math.max(1, ratePerSecond);
            this.tokens = capacity;
            this.lastRefill = System.nanoTime();
        }

        synchronized long reserve(long now) {
            tokens = Math.min(capacity, tokens + (now - lastRefill) * ratePerNano);
            lastRefill = now;
            tokens -= 1;
            return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / ratePerNano);
        }
    }
}
