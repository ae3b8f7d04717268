package io.github.camelkapso.connectors.jdbc;

/** One row to upsert: its values in the table's column order, and the event it came from. */
record Row(Table table, Object[] values, String idempotencyKey) {

    String key() {
        return (String) values[table.keyIndex()];
    }
}
