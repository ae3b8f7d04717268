package io.github.camelkapso.connectors.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Camel {@link IdempotentRepository} in the {@value KapsoEventSchema#IDEMPOTENT_KEYS_TABLE} table, shared by every
 * process on the same database. {@link #add} is one atomic insert-if-absent on the primary key (PostgreSQL
 * {@code ON CONFLICT DO NOTHING}, H2 the key's own refusal), so of two near-simultaneous claims of a key exactly one
 * wins, whichever instance makes them. {@link #confirm} marks the key processed, {@link #remove} frees it for a retry.
 * <p>
 * A key claimed but neither confirmed nor removed (the process died in between) is taken over by the next
 * {@code add} once older than {@link #setClaimTimeout claimTimeout}, so that Kapso's retry is processed instead of being
 * skipped as a duplicate forever. Several repositories share the table under different {@link #setRepositoryName
 * names}.
 *
 * <pre>
 * from("kapso:webhook?webhookIdempotentRepository=#kapsoKeys&amp;webhookSecret=...")
 * </pre>
 */
public class JdbcKapsoIdempotentRepository extends ServiceSupport implements IdempotentRepository {

    /** The longest key the table holds. */
    public static final int MAX_KEY_LENGTH = 512;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcKapsoIdempotentRepository.class);
    private static final String TABLE = KapsoEventSchema.IDEMPOTENT_KEYS_TABLE;
    private static final String WHERE_KEY = " WHERE repository_name = ? AND idempotency_key = ?";

    private DataSource dataSource;
    private KapsoSqlDialect dialect;
    private String repositoryName = "kapso:webhook";
    private Duration claimTimeout = Duration.ofMinutes(10);
    private Clock clock = Clock.systemUTC();

    /** For bean definitions: set the DataSource before it starts. */
    public JdbcKapsoIdempotentRepository() {
    }

    public JdbcKapsoIdempotentRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public JdbcKapsoIdempotentRepository(DataSource dataSource, String repositoryName) {
        this.dataSource = dataSource;
        setRepositoryName(repositoryName);
    }

    @Override
    protected void doStart() throws Exception {
        if (dataSource == null) {
            throw new IllegalStateException("JdbcKapsoIdempotentRepository needs a dataSource");
        }
    }

    @Override
    public boolean add(String key) {
        check(key);
        return run(connection -> {
            Instant now = clock.instant();
            if (insert(connection, key, now)) {
                return true;
            }
            return !claimTimeout.isZero() && takeOverStale(connection, key, now);
        });
    }

    @Override
    public boolean contains(String key) {
        check(key);
        return run(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + TABLE + WHERE_KEY)) {
                select.setString(1, repositoryName);
                select.setString(2, key);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    @Override
    public boolean confirm(String key) {
        check(key);
        return run(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + TABLE + " SET confirmed_at = COALESCE(confirmed_at, ?)" + WHERE_KEY)) {
                setTime(update, 1, clock.instant());
                update.setString(2, repositoryName);
                update.setString(3, key);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean remove(String key) {
        check(key);
        return run(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + WHERE_KEY)) {
                delete.setString(1, repositoryName);
                delete.setString(2, key);
                return delete.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void clear() {
        run(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + TABLE + " WHERE repository_name = ?")) {
                delete.setString(1, repositoryName);
                return delete.executeUpdate() > 0;
            }
        });
    }

    private boolean insert(Connection connection, String key, Instant now) throws SQLException {
        String sql = dialect(connection).insertIfAbsent(TABLE, "repository_name, idempotency_key, claimed_at", 3,
                "repository_name, idempotency_key");
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, repositoryName);
            insert.setString(2, key);
            setTime(insert, 3, now);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if ("23505".equals(SqlFailure.state(e))) {
                return false;
            }
            throw e;
        }
    }

    /** One atomic update: of two processes taking over the same stale claim, only one matches it still unconfirmed. */
    private boolean takeOverStale(Connection connection, String key, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE + " SET claimed_at = ?" + WHERE_KEY
                                                                    + " AND confirmed_at IS NULL AND claimed_at < ?")) {
            setTime(update, 1, now);
            update.setString(2, repositoryName);
            update.setString(3, key);
            setTime(update, 4, now.minus(claimTimeout));
            if (update.executeUpdate() == 1) {
                LOG.info("{}: took over the claim of {} left unconfirmed for over {}", repositoryName, key, claimTimeout);
                return true;
            }
            return false;
        }
    }

    private interface Work {
        boolean run(Connection connection) throws SQLException;
    }

    private boolean run(Work work) {
        if (dataSource == null) {
            throw new IllegalStateException("JdbcKapsoIdempotentRepository needs a dataSource");
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.setAutoCommit(true);
            }
            try {
                return work.run(connection);
            } finally {
                if (!autoCommit) {
                    connection.setAutoCommit(false);
                }
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("Idempotent repository " + repositoryName + " failed on " + TABLE
                                            + " (SQLState " + SqlFailure.state(e) + ")", e);
        }
    }

    private KapsoSqlDialect dialect(Connection connection) throws SQLException {
        KapsoSqlDialect known = dialect;
        if (known == null) {
            known = KapsoSqlDialect.of(connection);
            dialect = known;
        }
        return known;
    }

    private static void setTime(PreparedStatement statement, int index, Instant time) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(time, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static void check(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException(TABLE + ".idempotency_key must not be empty");
        }
        int length = key.codePointCount(0, key.length());
        if (length > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException(TABLE + ".idempotency_key holds at most " + MAX_KEY_LENGTH
                                               + " characters; the key has " + length);
        }
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getRepositoryName() {
        return repositoryName;
    }

    /** The name the keys are kept under ({@code kapso:webhook} by default): one per consumer sharing the table. */
    public void setRepositoryName(String repositoryName) {
        if (repositoryName == null || repositoryName.isBlank() || repositoryName.length() > 128) {
            throw new IllegalArgumentException(TABLE + ".repository_name must be 1 to 128 characters, was "
                                               + (repositoryName == null ? "null" : repositoryName.length()));
        }
        this.repositoryName = repositoryName;
    }

    public Duration getClaimTimeout() {
        return claimTimeout;
    }

    /**
     * How long an unconfirmed claim holds before another {@code add} may take it over (10 minutes by default; zero never).
     * Keep it well above the longest time the route takes for one event.
     */
    public void setClaimTimeout(Duration claimTimeout) {
        if (claimTimeout == null || claimTimeout.isNegative()) {
            throw new IllegalArgumentException("claimTimeout must be zero or positive, was " + claimTimeout);
        }
        this.claimTimeout = claimTimeout;
    }

    public KapsoSqlDialect getDialect() {
        return dialect;
    }

    /** The SQL dialect; detected from the first connection when not set. */
    public void setDialect(KapsoSqlDialect dialect) {
        this.dialect = dialect;
    }

    /** The clock of claim and confirmation times. */
    public void setClock(Clock clock) {
        this.clock = clock;
    }
}
