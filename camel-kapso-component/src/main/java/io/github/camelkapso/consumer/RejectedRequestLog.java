package io.github.camelkapso.consumer;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;

/**
 * Logs the requests an HTTP consumer refuses without letting a caller fill the log: each one at DEBUG, and at most one
 * WARN per period summing up how many were refused since the last one (with the latest reason). Anyone on the
 * internet can send unsigned requests; a line per request would be theirs to write.
 */
public final class RejectedRequestLog {

    public static final long DEFAULT_PERIOD_MILLIS = 60_000;

    private final Logger log;
    private final String consumer;
    private final long periodMillis;
    private final LongSupplier clock;
    private final AtomicLong refusedSinceWarn = new AtomicLong();
    private final AtomicLong nextWarnAt = new AtomicLong(Long.MIN_VALUE);

    public RejectedRequestLog(Logger log, String consumer) {
        this(log, consumer, DEFAULT_PERIOD_MILLIS, System::currentTimeMillis);
    }

    RejectedRequestLog(Logger log, String consumer, long periodMillis, LongSupplier clock) {
        this.log = log;
        this.consumer = consumer;
        this.periodMillis = periodMillis;
        this.clock = clock;
    }

    /** Records one refused request; {@code reason} must not hold anything secret (it is logged). */
    public void refused(int status, String reason) {
        long count = refusedSinceWarn.incrementAndGet();
        log.debug("{} refused a request with {}: {}", consumer, status, reason);
        long now = clock.getAsLong();
        long due = nextWarnAt.get();
        if (now >= due && nextWarnAt.compareAndSet(due, now + periodMillis)) {
            refusedSinceWarn.addAndGet(-count);
            log.warn("{} refused {} request(s) since its last report (latest: {} {}); each is logged at DEBUG", consumer,
                    count, status, reason);
        }
    }
}
