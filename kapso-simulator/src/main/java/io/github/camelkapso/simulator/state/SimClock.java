package io.github.camelkapso.simulator.state;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Wall-clock time for timestamps, and a time factor that shrinks Kapso's delays (webhook retries at 10/40/90 s,
 * buffering windows) so tests can run them in milliseconds.
 */
public final class SimClock {

    /** The last millisecond written as ISO text, and its text: a busy simulator writes the same one many times. */
    private record Written(long epochMilli, String iso) {
    }

    private final double timeFactor;
    private volatile Written lastIso = new Written(Long.MIN_VALUE, "");

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
        Instant now = now();
        Written last = lastIso;
        if (last.epochMilli() != now.toEpochMilli()) {
            last = new Written(now.toEpochMilli(), now.toString());
            lastIso = last;
        }
        return last.iso();
    }

    /**
     * Parses an ISO-8601 instant. The form {@link #iso()} writes ({@code yyyy-MM-ddTHH:mm:ss[.SSS]Z}) is read
     * directly (a formatter per call showed in profiles of the send path); any other form goes to
     * {@link Instant#parse}.
     */
    public static Instant parseIso(String iso) {
        int n = iso.length();
        if ((n == 20 || n == 24 && iso.charAt(19) == '.') && iso.charAt(4) == '-' && iso.charAt(7) == '-'
            && iso.charAt(10) == 'T' && iso.charAt(13) == ':' && iso.charAt(16) == ':' && iso.charAt(n - 1) == 'Z') {
            int year = digits(iso, 0, 4);
            int month = digits(iso, 5, 2);
            int day = digits(iso, 8, 2);
            int hour = digits(iso, 11, 2);
            int minute = digits(iso, 14, 2);
            int second = digits(iso, 17, 2);
            int millis = n == 24 ? digits(iso, 20, 3) : 0;
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour < 24
                && minute >= 0 && minute < 60 && second >= 0 && second < 60 && millis >= 0) {
                try {
                    long epochDay = LocalDate.of(year, month, day).toEpochDay();
                    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
                } catch (DateTimeException e) {
                    // not a date (e.g. February 30): Instant.parse names the problem
                }
            }
        }
        return Instant.parse(iso);
    }

    /** The number written with {@code count} ASCII digits from {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
