package io.github.camelkapso.connectors.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The SQL databases the Kapso tables run on, and how each writes an upsert: PostgreSQL with
 * {@code INSERT ... ON CONFLICT}, H2 with {@code MERGE ... USING}. {@link #of(Connection)} tells them apart; set one
 * explicitly only when a driver reports an unexpected product name.
 */
public enum KapsoSqlDialect {

    H2 {
        @Override
        String upsert(Table table) {
            String columns = columnList(table);
            String values = table.columns().stream().map(c -> "CAST(? AS " + h2Type(c) + ")")
                    .collect(Collectors.joining(", "));
            String sourceColumns = table.columns().stream().map(c -> "s." + c.name()).collect(Collectors.joining(", "));
            StringBuilder sql = new StringBuilder("MERGE INTO ").append(table.name()).append(" t USING (VALUES (")
                    .append(values).append(")) s (").append(columns).append(") ON t.").append(table.key())
                    .append(" = s.").append(table.key());
            if (table.onConflict() != null) {
                sql.append(" WHEN MATCHED THEN UPDATE SET ").append(conflictSet(table, "t", "s"));
            }
            return sql.append(" WHEN NOT MATCHED THEN INSERT (").append(columns).append(") VALUES (")
                    .append(sourceColumns).append(")").toString();
        }

        @Override
        String insertIfAbsent(String table, String columns, int count, String conflictKey) {
            // H2 has no ON CONFLICT: the primary key refuses the second insert, which the caller reads as "present"
            return "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders(count) + ")";
        }
    },

    POSTGRESQL {
        @Override
        String upsert(Table table) {
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(table.name()).append(" AS t (")
                    .append(columnList(table)).append(") VALUES (").append(placeholders(table.columns().size()))
                    .append(") ON CONFLICT (").append(table.key()).append(") DO ");
            if (table.onConflict() == null) {
                return sql.append("NOTHING").toString();
            }
            return sql.append("UPDATE SET ").append(conflictSet(table, "t", "EXCLUDED")).toString();
        }

        @Override
        String insertIfAbsent(String table, String columns, int count, String conflictKey) {
            return "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders(count) + ") ON CONFLICT ("
                   + conflictKey + ") DO NOTHING";
        }
    };

    /** The dialect of the database behind the connection. */
    public static KapsoSqlDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.equals("h2")) {
            return H2;
        }
        throw new SQLException("The Kapso tables support H2 and PostgreSQL, not " + product);
    }

    /** The upsert of one row of the table, its parameters in the table's column order. */
    abstract String upsert(Table table);

    /** An insert that adds nothing when a row with the same conflict key is there (H2: fails with SQLState 23505). */
    abstract String insertIfAbsent(String table, String columns, int count, String conflictKey);

    private static String columnList(Table table) {
        return table.columns().stream().map(Column::name).collect(Collectors.joining(", "));
    }

    private static String conflictSet(Table table, String stored, String incoming) {
        return table.onConflict().replace("{old}", stored).replace("{new}", incoming);
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static String h2Type(Column column) {
        switch (column.kind()) {
            case TIMESTAMP:
                return "TIMESTAMP WITH TIME ZONE";
            case INTEGER:
                return "INTEGER";
            case SMALLINT:
                return "SMALLINT";
            default:
                // no length in the cast: a too-long value must reach the column and fail there, never be cut short
                return column.maxLength() == null ? "CHARACTER LARGE OBJECT" : "CHARACTER VARYING";
        }
    }
}
