package io.github.camelkapso.error;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Reads a Retry-After header value given as delay-seconds or as an HTTP-date. */
public final class RetryAfterParser {

    private static final Pattern SECONDS = Pattern.compile("\\d{1,12}(\\.\\d{1,9})?");

    private RetryAfterParser() {
    }

    /** Returns the delay, {@link Duration#ZERO} for a date in the past, or null when absent or unreadable. */
    public static Duration parse(String value) {
        return parse(value, Clock.systemUTC());
    }

    static Duration parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (SECONDS.matcher(trimmed).matches()) {
            return Duration.ofMillis(Math.round(Double.parseDouble(trimmed) * 1000));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration delay = Duration.between(clock.instant(), at.toInstant());
            return delay.isNegative() ? Duration.ZERO : delay;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
