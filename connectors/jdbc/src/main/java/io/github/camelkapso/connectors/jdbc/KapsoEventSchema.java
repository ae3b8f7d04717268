package io.github.camelkapso.connectors.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and upgrades the Kapso tables with Flyway, from the versioned migrations in
 * {@code classpath:db/kapso/h2} or {@code classpath:db/kapso/postgresql} (by the database behind the DataSource). Its history table is
 * {@value #HISTORY_TABLE}, so it never mixes with an application's own Flyway history. The tables go to the
 * connection's current schema: to keep them apart, point the DataSource at a schema of their own.
 *
 * <pre>
 * KapsoEventSchema.migrate(dataSource);   // at start-up, before the first write
 * </pre>
 */
public final class KapsoEventSchema {

    /** Where the migrations are: this, then {@code h2} or {@code postgresql}. */
    public static final String LOCATION = "classpath:db/kapso/";
    /** Flyway's history of the Kapso migrations. */
    public static final String HISTORY_TABLE = "kapso_schema_history";

    public static final String EVENTS_TABLE = "kapso_events";
    public static final String CONVERSATIONS_TABLE = "kapso_conversations";
    public static final String MESSAGES_TABLE = "kapso_messages";
    public static final String MESSAGE_STATUSES_TABLE = "kapso_message_statuses";
    public static final String IDEMPOTENT_KEYS_TABLE = "kapso_idempotent_keys";

    private KapsoEventSchema() {
    }

    /**
     * Brings the database to the latest Kapso schema; a database already there is left as it is.
     *
     * @return the schema version now in place, e.g. {@code 1}
     */
    public static String migrate(DataSource dataSource) {
        MigrateResult result = flyway(dataSource).migrate();
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    }

    /** The Flyway instance {@link #migrate} runs, for {@code info()} or {@code validate()}. */
    public static Flyway flyway(DataSource dataSource) {
        if (dataSource == null) {
            throw new IllegalArgumentException("KapsoEventSchema needs a dataSource");
        }
        return Flyway.configure(KapsoEventSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION + folderOf(dataSource))
                .table(HISTORY_TABLE)
                .placeholderReplacement(false)
                .load();
    }

    private static String folderOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return KapsoSqlDialect.of(connection) == KapsoSqlDialect.H2 ? "h2" : "postgresql";
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database the Kapso tables go to (SQLState "
                                            + e.getSQLState() + "): " + e.getMessage(), e);
        }
    }
}
