package io.github.camelkapso.connectors.jdbc;

import java.sql.SQLException;

/** Reads a failed write: the database's own state code and first message line, and whether trying again may help. */
final class SqlFailure {

    private static final int MAX_REASON = 300;

    private SqlFailure() {
    }

    /** The innermost SQLState: drivers put the server's on the next exception of a batch failure. */
    static String state(SQLException e) {
        String state = e.getSQLState();
        for (SQLException next = e.getNextException(); next != null; next = next.getNextException()) {
            if (next.getSQLState() != null) {
                state = next.getSQLState();
            }
        }
        return state;
    }

    /**
     * A lost race rather than a bad row: a deadlock or serialization failure, or (H2's MERGE is not atomic between
     * transactions) a key another transaction inserted meanwhile. Trying the transaction again settles it.
     */
    static boolean isTransient(SQLException e, KapsoSqlDialect dialect) {
        String state = state(e);
        return "40001".equals(state) || "40P01".equals(state)
               || dialect == KapsoSqlDialect.H2 && ("23505".equals(state) || "HYT00".equals(state));
    }

    /** The database's reason, first line only (drivers add the refused row's values on the lines after it). */
    static String reason(SQLException e) {
        SQLException deepest = e;
        for (SQLException next = e.getNextException(); next != null; next = next.getNextException()) {
            deepest = next;
        }
        String message = deepest.getMessage() == null ? deepest.getClass().getName() : deepest.getMessage();
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > MAX_REASON ? line.substring(0, MAX_REASON) + "..." : line;
    }
}
