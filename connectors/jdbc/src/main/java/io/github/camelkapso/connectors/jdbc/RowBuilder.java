package io.github.camelkapso.connectors.jdbc;

import java.time.Instant;

/**
 * Builds one {@link Row}, checking each text value against its column's size as it is set, so that a value too long
 * fails here, naming the column, rather than being cut short or refused by the database in its own words.
 */
final class RowBuilder {

    private final Table table;
    private final String idempotencyKey;
    private final Object[] values;

    RowBuilder(Table table, String idempotencyKey) {
        this.table = table;
        this.idempotencyKey = idempotencyKey;
        this.values = new Object[table.columns().size()];
    }

    RowBuilder set(String column, String value) {
        int index = table.indexOf(column);
        Column definition = table.columns().get(index);
        if (value != null && definition.maxLength() != null) {
            int length = value.codePointCount(0, value.length());
            if (length > definition.maxLength()) {
                throw KapsoRowRejectedException.tooLong(table.name(), definition, length, idempotencyKey);
            }
        }
        values[index] = value;
        return this;
    }

    RowBuilder set(String column, Instant value) {
        values[table.indexOf(column)] = value;
        return this;
    }

    RowBuilder set(String column, Integer value) {
        values[table.indexOf(column)] = value;
        return this;
    }

    Row build() {
        return new Row(table, values, idempotencyKey);
    }
}
