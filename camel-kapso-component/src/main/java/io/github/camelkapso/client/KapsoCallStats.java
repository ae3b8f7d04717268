package io.github.camelkapso.client;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a client saw of Kapso: counters, the last outcome and the last rate-limit headers, for health checks and the
 * dev console. A client's stats can roll up into a parent (the component's), which then sums every client.
 */
public final class KapsoCallStats {

    /** The last answer Kapso gave, or the last transport failure (status 0). */
    public record Outcome(int status, long atMillis, String operation) {
    }

    /** The rate-limit headers of the newest answer that carried them. */
    public record RateLimit(Long remaining, Long limit, long atMillis) {
    }

    private final KapsoCallStats parent;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<Outcome> last = new AtomicReference<>();
    private final AtomicReference<Outcome> lastAnswer = new AtomicReference<>();
    private final AtomicReference<Outcome> lastAuthFailure = new AtomicReference<>();
    private final AtomicReference<RateLimit> rateLimit = new AtomicReference<>();

    public KapsoCallStats() {
        this(null);
    }

    public KapsoCallStats(KapsoCallStats parent) {
        this.parent = parent;
    }

    public void record(String operation, int status) {
        calls.incrementAndGet();
        Outcome outcome = new Outcome(status, System.currentTimeMillis(), operation);
        last.set(outcome);
        if (status == 0 || status >= 400) {
            failures.incrementAndGet();
        }
        if (status != 0) {
            // a failure without an answer says nothing about the key: only answers move the verdict
            lastAnswer.set(outcome);
        }
        if (status == 401) {
            lastAuthFailure.set(outcome);
        }
        if (parent != null) {
            parent.record(operation, status);
        }
    }

    /** Records X-RateLimit-Remaining / X-RateLimit-Limit when an answer carried either. */
    public void recordRateLimit(Long remaining, Long limit) {
        if (remaining == null && limit == null) {
            return;
        }
        rateLimit.set(new RateLimit(remaining, limit, System.currentTimeMillis()));
        if (parent != null) {
            parent.recordRateLimit(remaining, limit);
        }
    }

    public long calls() {
        return calls.get();
    }

    public long failures() {
        return failures.get();
    }

    public Outcome last() {
        return last.get();
    }

    /** The last 401 answer, or null. */
    public Outcome lastAuthFailure() {
        return lastAuthFailure.get();
    }

    /** The newest rate-limit headers seen, or null. */
    public RateLimit rateLimit() {
        return rateLimit.get();
    }

    /**
     * True when the newest answer Kapso gave rejected the API key. Transport failures (no answer) since then do not
     * clear it: only a later answer shows the key is accepted again.
     */
    public boolean credentialsRejected() {
        Outcome newest = lastAnswer.get();
        return newest != null && newest.status() == 401;
    }
}
