package io.github.camelkapso.consumer.polling;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkapso.catalog.PollProfile.ValueKind;

/**
 * The value an item is ordered by. Kapso lists carry ISO-8601 times, except message {@code timestamp}s, which are Unix
 * seconds as strings; database columns hold numbers, times or text. Times compare as instants, numbers as numbers,
 * anything else as text.
 */
final class OrderValue implements Comparable<OrderValue> {

    /** Beyond this, a number read as a time is taken as milliseconds rather than seconds. */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private final String text;
    private final Instant time;
    private final BigDecimal number;

    private OrderValue(String text, Instant time, BigDecimal number) {
        this.text = text;
        this.time = time;
        this.number = number;
    }

    /** The value of an item's field, or null when the field is missing or cannot be read as {@code kind}. */
    static OrderValue of(JsonNode field, ValueKind kind) {
        if (field == null || field.isNull() || field.isMissingNode() || field.isContainerNode()) {
            return null;
        }
        return parse(field.asText(), kind);
    }

    /** Parses a stored or configured value; null when it is not one of {@code kind}. */
    static OrderValue parse(String text, ValueKind kind) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        BigDecimal number = number(trimmed);
        if (kind == ValueKind.TIME) {
            Instant time = number != null ? epoch(number) : time(trimmed);
            return time == null ? null : new OrderValue(time.toString(), time, null);
        }
        if (number != null) {
            return new OrderValue(trimmed, null, number);
        }
        return new OrderValue(trimmed, time(trimmed), null);
    }

    /** The value as stored in the poll state and sent in filters: an ISO instant for times, else as Kapso gave it. */
    String text() {
        return text;
    }

    boolean isTime() {
        return time != null;
    }

    Instant time() {
        return time;
    }

    /** This time moved back by {@code amount}; a value that is not a time is returned as it is. */
    OrderValue minus(Duration amount) {
        if (time == null || amount.isZero()) {
            return this;
        }
        Instant earlier = time.minus(amount);
        return new OrderValue(earlier.toString(), earlier, null);
    }

    @Override
    public int compareTo(OrderValue other) {
        if (time != null && other.time != null) {
            return time.compareTo(other.time);
        }
        if (number != null && other.number != null) {
            return number.compareTo(other.number);
        }
        return text.compareTo(other.text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrderValue v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return time != null ? time.hashCode() : number != null ? number.stripTrailingZeros().hashCode() : Objects.hashCode(text);
    }

    @Override
    public String toString() {
        return text;
    }

    private static BigDecimal number(String text) {
        char first = text.charAt(0);
        if (!(first == '-' || first >= '0' && first <= '9')) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant epoch(BigDecimal value) {
        try {
            long whole = value.longValue();
            if (Math.abs(whole) >= MILLIS_THRESHOLD) {
                return Instant.ofEpochMilli(whole);
            }
            BigDecimal nanos = value.subtract(BigDecimal.valueOf(whole)).movePointRight(9);
            return Instant.ofEpochSecond(whole, nanos.longValue());
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return null;
        }
    }

    private static Instant time(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // fall through: a time without zone (database columns) is read as UTC
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
