package io.github.camelkapso.catalog;

/**
 * How a polling consumer follows one list operation: the field its items are ordered by, the order Kapso lists them
 * in, and the query parameter that lets Kapso leave out what the consumer has already seen.
 *
 * @param orderField    the item field the list is sorted on (created_at, timestamp, last_active_at, ...); null in the
 *                      catalog when the consumer picks it ({@link #consumerSorts()})
 * @param values        how that field's values compare
 * @param order         the order Kapso lists items in
 * @param sinceFilter   a query parameter keeping only items whose {@code orderField} is at or after a time (or null);
 *                      it must filter on that same field, or on one never earlier, so narrowing cannot hide a new item
 * @param consumerSorts whether the consumer sorts and narrows the list itself (PostgREST rows: {@code order=<field>.asc}
 *                      and {@code <field>=gte.<watermark>}) on a column it picks
 */
public record PollProfile(String orderField, ValueKind values, ListOrder order, String sinceFilter, boolean consumerSorts) {

    /** This profile ordered on {@code column}: what a consumer that sorts the list itself has picked. */
    public PollProfile orderedOn(String column) {
        return new PollProfile(column, values, order, sinceFilter, consumerSorts);
    }

    /** How order values compare. */
    public enum ValueKind {
        /** ISO-8601 times or Unix seconds. */
        TIME,
        /** Whatever a database column holds: numbers compare as numbers, times as times, the rest as text. */
        ANY
    }

    /** The order Kapso lists items in, which decides when a walk over the pages may stop. */
    public enum ListOrder {
        /** Newest first: the walk stops at the first page reaching the watermark. */
        NEWEST_FIRST,
        /** Oldest first, already narrowed to what is new by a server-side filter: the walk stops once it has enough. */
        OLDEST_FIRST,
        /** Not documented: every page is read and sorted here. */
        UNKNOWN
    }
}
