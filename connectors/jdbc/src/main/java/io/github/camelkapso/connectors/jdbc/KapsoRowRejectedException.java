package io.github.camelkapso.connectors.jdbc;

import io.github.camelkapso.error.KapsoException;

/**
 * A row of a Kapso event that cannot be written: a value longer than its column, or a row the database refused. The
 * whole exchange fails with it and its transaction is rolled back, so nothing of the delivery is written. The message
 * names the table, the column when known, the rule and the event's idempotency key, never the value itself.
 */
public class KapsoRowRejectedException extends KapsoException {

    private static final long serialVersionUID = 1L;

    private final String table;
    private final String column;
    private final String idempotencyKey;

    public KapsoRowRejectedException(String message, String table, String column, String idempotencyKey,
                                     Throwable cause) {
        super(message, cause);
        this.table = table;
        this.column = column;
        this.idempotencyKey = idempotencyKey;
    }

    static KapsoRowRejectedException tooLong(String table, Column column, int length, String idempotencyKey) {
        return new KapsoRowRejectedException(table + "." + column.name() + " holds at most " + column.maxLength()
                                             + " characters; the event " + idempotencyKey + " has " + length
                                             + " (nothing of this exchange was written)",
                table, column.name(), idempotencyKey, null);
    }

    /** The table of the rejected row. */
    public String getTable() {
        return table;
    }

    /** The column of the rejected value, or null when the database did not say. */
    public String getColumn() {
        return column;
    }

    /** The idempotency key of the event the row came from, or null when it is not known. */
    public String getIdempotencyKey() {
        return idempotencyKey;
    }
}
