package io.github.camelkapso.client;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** What the component's producers saw of Kapso: counters and the last outcome, for the health check. */
public final class KapsoCallStats {

    /** The last answer Kapso gave, or the last transport failure (status 0). */
    public record Outcome(int status, long atMillis, String operation) {
    }

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<Outcome> last = new AtomicReference<>();
    private final AtomicReference<Outcome> lastAnswer = new AtomicReference<>();
    private final AtomicReference<Outcome> lastAuthFailure = new AtomicReference<>();

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

    /**
     * True when the newest answer Kapso gave rejected the API key. Transport failures (no answer) since then do not
     * clear it: only a later answer shows the key is accepted again.
     */
    public boolean credentialsRejected() {
        Outcome newest = lastAnswer.get();
        return newest != null && newest.status() == 401;
    }
}
