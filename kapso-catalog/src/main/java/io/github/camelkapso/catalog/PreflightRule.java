package io.github.camelkapso.catalog;

/**
 * A rule Kapso enforces on a request body that is cheaper to check before the call than to learn from a 422.
 *
 * @param kind  what the rule checks
 * @param field a dotted path into the JSON body as sent (after wrapping), e.g. {@code whatsapp_broadcast.recipients}
 * @param max   the largest number of entries, for {@link Kind#MAX_ITEMS}; 0 otherwise
 */
public record PreflightRule(Kind kind, String field, int max) {

    /** The checks a preflight rule can make. */
    public enum Kind {
        /** The field is an array of at most {@code max} entries. */
        MAX_ITEMS,
        /** The field is an ISO-8601 time with an offset, in the future. */
        FUTURE_TIME
    }
}
