package io.github.camelkapso.client;

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
        return reserve(phoneNumberId, ratePerSecond, System.nanoTime());
    }

    long reserve(String phoneNumberId, double ratePerSecond, long now) {
        String key = phoneNumberId == null ? "" : phoneNumberId;
        return buckets.computeIfAbsent(key, k -> new TokenBucket(ratePerSecond, now)).reserve(now, ratePerSecond);
    }

    /** A bucket that holds one second's worth of tokens and lets reservations run into debt. */
    static final class TokenBucket {

        private double ratePerSecond;
        private double ratePerNano;
        private double capacity;
        private double tokens;
        private long lastRefill;

        TokenBucket(double ratePerSecond) {
            this(ratePerSecond, System.nanoTime());
        }

        TokenBucket(double ratePerSecond, long startNanos) {
            setRate(ratePerSecond);
            this.tokens = capacity;
            this.lastRefill = startNanos;
        }

        private void setRate(double ratePerSecond) {
            if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
                throw new IllegalArgumentException("throttleRate must be positive, got " + ratePerSecond);
            }
            this.ratePerSecond = ratePerSecond;
            this.ratePerNano = ratePerSecond / 1_000_000_000d;
            this.capacity = Math.max(1, ratePerSecond);
        }

        synchronized long reserve(long now) {
            return reserve(now, ratePerSecond);
        }

        /** Takes one token at {@code now}; a changed rate applies from this reservation on. */
        synchronized long reserve(long now, double ratePerSecond) {
            tokens = Math.min(capacity, tokens + (now - lastRefill) * ratePerNano);
            lastRefill = now;
            if (ratePerSecond != this.ratePerSecond) {
                setRate(ratePerSecond);
                tokens = Math.min(capacity, tokens);
            }
            tokens -= 1;
            return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / ratePerNano);
        }
    }
}
