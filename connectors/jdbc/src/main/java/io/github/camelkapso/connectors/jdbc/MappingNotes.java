package io.github.camelkapso.connectors.jdbc;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What could not be mapped from one event, kept in its {@code kapso_events.mapping_notes} (never the values, only the
 * field and the rule), and the time parsing that may add to it.
 */
final class MappingNotes {

    private final List<String> notes = new ArrayList<>();

    void add(String note) {
        notes.add(note);
    }

    boolean isEmpty() {
        return notes.isEmpty();
    }

    String text() {
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    /** WhatsApp's Unix seconds; a value that is not one is noted and left out. */
    Instant epochSeconds(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(value.trim()));
        } catch (NumberFormatException | DateTimeException e) {
            add(field + " is not Unix seconds: left empty");
            return null;
        }
    }

    /** Kapso's ISO-8601 times with an offset ({@code 2025-10-28T14:25:01Z}); anything else is noted and left out. */
    Instant isoTime(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeException e) {
            add(field + " is not an ISO-8601 time with an offset: left empty");
            return null;
        }
    }
}
