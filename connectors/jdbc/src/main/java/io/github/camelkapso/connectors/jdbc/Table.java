package io.github.camelkapso.connectors.jdbc;

import java.util.List;

/**
 * A Kapso table as the writer upserts into it: its columns in binding order, the stable id the upsert is keyed on,
 * and what a conflicting row does. {@code onConflict} is an SQL {@code SET} list written with {@code {old}} for the
 * stored row and {@code {new}} for the incoming one (each dialect names them its own way); null keeps the stored row
 * as it is (insert if absent).
 */
record Table(String name, String key, List<Column> columns, String onConflict) {

    int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Table " + name + " has no column " + column);
    }

    int keyIndex() {
        return indexOf(key);
    }
}
