package io.github.camelkapso.simulator.ops.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.messaging.Messaging;

/**
 * The list filters of one request, each added only when its query parameter is given. Malformed values (an unknown
 * enum value, a time that is not ISO 8601, a boolean that is not true/false) are a 400 naming the parameter.
 */
final class Filters {

    private final SimRequest request;
    private Predicate<ObjectNode> all = n -> true;

    Filters(SimRequest request) {
        this.request = request;
    }

    Predicate<ObjectNode> build() {
        return all;
    }

    Filters and(Predicate<ObjectNode> p) {
        all = all.and(p);
        return this;
    }

    /** Exact match. */
    Filters equal(String param, Function<ObjectNode, JsonNode> field) {
        String v = value(param);
        return v == null ? this : and(n -> v.equals(text(field.apply(n))));
    }

    /** Exact match against one of the documented values. */
    Filters oneOf(String param, Set<String> allowed, Function<ObjectNode, JsonNode> field) {
        String v = value(param);
        if (v != null && !allowed.contains(v)) {
            throw ApiError.badRequest(request.operation(), param + " must be one of " + allowed);
        }
        return equal(param, field);
    }

    /** Same phone number, whatever its formatting (+, spaces, dashes). */
    Filters samePhone(String param, Function<ObjectNode, JsonNode> field) {
        String v = value(param);
        return v == null ? this : and(n -> Messaging.digits(v).equals(Messaging.digits(text(field.apply(n)))));
    }

    /** The phone number contains the given digits. */
    Filters phoneContains(String param, Function<ObjectNode, JsonNode> field) {
        String v = value(param);
        return v == null ? this : and(n -> {
            String digits = Messaging.digits(text(field.apply(n)));
            return digits != null && digits.contains(Messaging.digits(v));
        });
    }

    /** Case-insensitive substring. */
    Filters contains(String param, Function<ObjectNode, JsonNode> field) {
        String v = value(param);
        return v == null ? this : and(n -> {
            String s = text(field.apply(n));
            return s != null && s.toLowerCase(Locale.ROOT).contains(v.toLowerCase(Locale.ROOT));
        });
    }

    /** A boolean parameter compared with a property of the record. */
    Filters flag(String param, Predicate<ObjectNode> property) {
        Boolean wanted = bool(param);
        return wanted == null ? this : and(n -> property.test(n) == wanted);
    }

    /** On or after the given time. */
    Filters from(String param, Function<ObjectNode, Instant> time) {
        return from(param, time, ChronoUnit.MILLIS);
    }

    /** On or after the given time, compared at the precision the records keep (messages: whole seconds). */
    Filters from(String param, Function<ObjectNode, Instant> time, ChronoUnit precision) {
        Instant bound = time(param) == null ? null : time(param).truncatedTo(precision);
        return bound == null ? this : and(n -> {
            Instant t = time.apply(n);
            return t != null && !t.isBefore(bound);
        });
    }

    /** On or before the given time. */
    Filters to(String param, Function<ObjectNode, Instant> time) {
        return to(param, time, ChronoUnit.MILLIS);
    }

    /** On or before the given time, compared at the precision the records keep. */
    Filters to(String param, Function<ObjectNode, Instant> time, ChronoUnit precision) {
        Instant bound = time(param) == null ? null : time(param).truncatedTo(precision);
        return bound == null ? this : and(n -> {
            Instant t = time.apply(n);
            return t != null && !t.isAfter(bound);
        });
    }

    Boolean bool(String param) {
        String v = value(param);
        if (v == null) {
            return null;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw ApiError.badRequest(request.operation(), param + " must be true or false");
        }
        return Boolean.valueOf(v);
    }

    String value(String param) {
        String v = request.query(param);
        return v == null || v.isEmpty() ? null : v;
    }

    private Instant time(String param) {
        String v = value(param);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw ApiError.badRequest(request.operation(), param + " must be an ISO 8601 time, got " + v);
            }
        }
    }

    /** An ISO 8601 field of a record, or null. */
    static Instant iso(JsonNode value) {
        String s = text(value);
        return s == null ? null : Instant.parse(s);
    }

    /** A message's Unix-seconds timestamp. */
    static Instant unixSeconds(JsonNode value) {
        String s = text(value);
        return s == null ? null : Instant.ofEpochSecond(Long.parseLong(s));
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode() ? null : v.asText();
    }
}
