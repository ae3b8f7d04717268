package io.github.camelkapso.connectors.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A database of its own for one test: an H2 in-memory database, or a fresh database on the PostgreSQL server at
 * 127.0.0.1:5432 (trust authentication, user postgres), dropped again on close. Both behind a HikariCP pool.
 */
final class TestDatabase implements AutoCloseable {

    static final String H2 = "h2";
    static final String POSTGRESQL = "postgresql";
    private static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private final String vendor;
    private final String name;
    private final HikariDataSource pool;

    private TestDatabase(String vendor, String name, String url) {
        this.vendor = vendor;
        this.name = name;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(vendor.equals(POSTGRESQL) ? "postgres" : "sa");
        config.setMaximumPoolSize(8);
        config.setPoolName("test-" + name);
        this.pool = new HikariDataSource(config);
    }

    /** A fresh, empty database of the vendor ({@link #H2} or {@link #POSTGRESQL}). */
    static TestDatabase create(String vendor) throws SQLException {
        String name = "kapso_jdbc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (vendor.equals(H2)) {
            return new TestDatabase(vendor, name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        }
        try (Connection admin = DriverManager.getConnection(PG_ADMIN_URL); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return new TestDatabase(vendor, name, "jdbc:postgresql://127.0.0.1:5432/" + name);
    }

    /** A fresh database with the Kapso tables. */
    static TestDatabase migrated(String vendor) throws SQLException {
        TestDatabase database = create(vendor);
        KapsoEventSchema.migrate(database.dataSource());
        return database;
    }

    DataSource dataSource() {
        return pool;
    }

    String vendor() {
        return vendor;
    }

    int count(String table) throws SQLException {
        return ((Number) rows("SELECT COUNT(*) AS n FROM " + table).get(0).get("n")).intValue();
    }

    /** The rows of a query, column names in lower case. */
    List<Map<String, Object>> rows(String sql, Object... parameters) throws SQLException {
        try (Connection connection = pool.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = result.getObject(i);
                        if (value instanceof java.sql.Clob clob) {
                            value = clob.getSubString(1, (int) clob.length());
                        }
                        row.put(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), value);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /** The one row the query finds. */
    Map<String, Object> row(String sql, Object... parameters) throws SQLException {
        List<Map<String, Object>> rows = rows(sql, parameters);
        if (rows.size() != 1) {
            throw new AssertionError("Expected one row of " + sql + ", found " + rows.size());
        }
        return rows.get(0);
    }

    /** Every row of every Kapso table, to compare a database before and after a step. */
    Map<String, List<Map<String, Object>>> snapshot() throws SQLException {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("events", rows("SELECT * FROM kapso_events ORDER BY id"));
        tables.put("conversations", rows("SELECT * FROM kapso_conversations ORDER BY conversation_id"));
        tables.put("messages", rows("SELECT * FROM kapso_messages ORDER BY wamid"));
        tables.put("statuses", rows("SELECT * FROM kapso_message_statuses ORDER BY wamid"));
        return tables;
    }

    @Override
    public void close() throws SQLException {
        if (vendor.equals(H2)) {
            pool.close();
            Connection connection = DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
            connection.createStatement().execute("SHUTDOWN");
            return;
        }
        pool.close();
        try (Connection admin = DriverManager.getConnection(PG_ADMIN_URL); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    @Override
    public String toString() {
        return vendor;
    }
}
