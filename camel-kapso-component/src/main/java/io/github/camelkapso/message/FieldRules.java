package io.github.camelkapso.message;

import java.util.Collection;

/**
 * Meta's limits on message fields, checked where a builder receives a value so the failure points at the call that
 * broke the rule. Lengths count code points, as Meta does: an emoji is one character, not two UTF-16 units.
 */
final class FieldRules {

    private FieldRules() {
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required and must not be blank");
        }
        return value;
    }

    static String requiredAtMost(String field, String value, int max) {
        return atMost(field, required(field, value), max);
    }

    /** Null passes: the field is optional. */
    static String atMost(String field, String value, int max) {
        if (value != null) {
            int length = value.codePointCount(0, value.length());
            if (length > max) {
                throw new IllegalArgumentException(field + " must be at most " + max + " characters, got " + length);
            }
        }
        return value;
    }

    static void atMostItems(String field, int count, int max, String what) {
        if (count > max) {
            throw new IllegalArgumentException(field + " takes at most " + max + " " + what + ", got " + count);
        }
    }

    static void atLeastOne(String field, Collection<?> items, String what) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException(field + " needs at least one " + what);
        }
    }

    static void unique(String field, Collection<String> existing, String value) {
        if (existing.contains(value)) {
            throw new IllegalArgumentException(field + " must be unique within the message; \"" + value + "\" is used twice");
        }
    }

    static void within(String field, double value, double min, double max) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
