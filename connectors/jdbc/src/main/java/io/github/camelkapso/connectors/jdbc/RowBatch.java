package io.github.camelkapso.connectors.jdbc;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the rows of one transaction: per table one statement, prepared once, its rows sent as one JDBC batch. Tables
 * go in {@link KapsoTables#WRITE_ORDER} and rows of a table by key, so concurrent writers lock rows in one order; the
 * events table keeps the delivery's order.
 */
final class RowBatch {

    private static final Map<KapsoSqlDialect, Map<Table, String>> SQL = new EnumMap<>(KapsoSqlDialect.class);

    static {
        for (KapsoSqlDialect dialect : KapsoSqlDialect.values()) {
            Map<Table, String> statements = new LinkedHashMap<>();
            KapsoTables.WRITE_ORDER.forEach(t -> statements.put(t, dialect.upsert(t)));
            SQL.put(dialect, statements);
        }
    }

    private RowBatch() {
    }

    static void write(Connection connection, KapsoSqlDialect dialect, List<Row> rows) throws SQLException {
        Map<Table, List<Row>> byTable = new LinkedHashMap<>();
        KapsoTables.WRITE_ORDER.forEach(t -> byTable.put(t, new ArrayList<>()));
        rows.forEach(r -> byTable.get(r.table()).add(r));
        for (Map.Entry<Table, List<Row>> entry : byTable.entrySet()) {
            Table table = entry.getKey();
            List<Row> tableRows = entry.getValue();
            if (tableRows.isEmpty()) {
                continue;
            }
            if (table != KapsoTables.EVENTS) {
                tableRows.sort(Comparator.comparing(Row::key));
            }
            try (PreparedStatement statement = connection.prepareStatement(SQL.get(dialect).get(table))) {
                for (Row row : tableRows) {
                    bind(statement, row);
                    statement.addBatch();
                }
                statement.executeBatch();
            } catch (SQLException e) {
                throw new RowsRefused(table, failedRow(e, tableRows), e);
            }
        }
    }

    private static void bind(PreparedStatement statement, Row row) throws SQLException {
        List<Column> columns = row.table().columns();
        for (int i = 0; i < columns.size(); i++) {
            Object value = row.values()[i];
            int parameter = i + 1;
            switch (columns.get(i).kind()) {
                case TIMESTAMP:
                    if (value == null) {
                        statement.setNull(parameter, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        statement.setObject(parameter, OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC),
                                Types.TIMESTAMP_WITH_TIMEZONE);
                    }
                    break;
                case INTEGER:
                case SMALLINT:
                    if (value == null) {
                        statement.setNull(parameter, Types.INTEGER);
                    } else {
                        statement.setInt(parameter, (Integer) value);
                    }
                    break;
                default:
                    if (value == null) {
                        statement.setNull(parameter, Types.VARCHAR);
                    } else {
                        statement.setString(parameter, (String) value);
                    }
            }
        }
    }

    /** The row the database refused, as far as the driver says which. */
    private static Row failedRow(SQLException e, List<Row> rows) {
        if (e instanceof BatchUpdateException batch && batch.getUpdateCounts() != null) {
            int[] counts = batch.getUpdateCounts();
            for (int i = 0; i < counts.length && i < rows.size(); i++) {
                if (counts[i] == Statement.EXECUTE_FAILED) {
                    return rows.get(i);
                }
            }
            if (counts.length < rows.size()) {
                return rows.get(counts.length);
            }
        }
        return rows.size() == 1 ? rows.get(0) : null;
    }

    /** A table's batch failed; {@code row} is the refused row when known. */
    static final class RowsRefused extends SQLException {

        private static final long serialVersionUID = 1L;

        final transient Table table;
        final transient Row row;

        RowsRefused(Table table, Row row, SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
            this.table = table;
            this.row = row;
        }
    }
}
