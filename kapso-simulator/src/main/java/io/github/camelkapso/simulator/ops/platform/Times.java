package io.github.camelkapso.simulator.ops.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reading the ISO-8601 times clients send and writing the ones Kapso answers. */
final class Times {

    private Times() {
    }

    /** An ISO-8601 time with a zone offset or Z, or null when the text is not one. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A Meta status timestamp (Unix seconds as a string) as an ISO-8601 time. */
    static String fromUnixSeconds(String seconds) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(seconds)).toString();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
