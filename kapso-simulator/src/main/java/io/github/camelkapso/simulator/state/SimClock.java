package io.github.camelkapso.simulator.state;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Wall-clock time for timestamps, and a time factor that shrinks Kapso's delays (webhook retries at 10/40/90 s,
 * buffering windows) so tests can run them in milliseconds.
 */
public final class SimClock {

    private final double timeFactor;

    public SimClock(double timeFactor) {
        if (timeFactor <= 0) {
            throw new IllegalArgumentException("timeFactor must be positive, got " + timeFactor);
        }
        this.timeFactor = timeFactor;
    }

    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** ISO-8601 UTC, as the Platform API writes timestamps. */
    public String iso() {
        return now().toString();
    }

    /** Unix seconds as a string, as Meta writes message timestamps. */
    public String unixSeconds() {
        return String.valueOf(now().getEpochSecond());
    }

    /** A documented Kapso delay scaled by the time factor, in milliseconds (at least 1). */
    public long scaled(long millis) {
        return Math.max(1, Math.round(millis * timeFactor));
    }

    public double timeFactor() {
        return timeFactor;
    }
}
