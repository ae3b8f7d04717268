package io.github.camelkapso.connectors.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.github.camelkapso.KapsoConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the Kapso events of an exchange into the Kapso tables ({@link KapsoEventSchema}): one row in
 * {@code kapso_events} per event, and the conversation, message and status rows they carry, every one an upsert on
 * its stable id, so that a re-delivery changes nothing. All rows of an exchange go in ONE transaction, as one JDBC
 * batch per table: a row the database refuses, or a value longer than its column, fails the exchange with a
 * {@link KapsoRowRejectedException} and nothing of it is written.
 * <p>
 * The body is what {@code kapso:webhook} delivers (one event, or with {@code splitBatch=false} the whole delivery), a
 * {@link io.github.camelkapso.event.KapsoEvent}, or a list of events or exchanges (an aggregated batch).
 *
 * <pre>
 * from("kapso:webhook?webhookSecret=RAW({{kapso.webhook.secret}})").process(new KapsoEventWriter(dataSource));
 * </pre>
 */
public class KapsoEventWriter implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(KapsoEventWriter.class);

    private DataSource dataSource;
    private KapsoSqlDialect dialect;
    private Clock clock = Clock.systemUTC();
    private int maxAttempts = 3;

    /** For bean definitions: set the DataSource before the first exchange. */
    public KapsoEventWriter() {
    }

    public KapsoEventWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        if (dataSource == null) {
            throw new IllegalStateException("KapsoEventWriter needs a dataSource");
        }
        List<KeyedEvent> events = ExchangeEvents.of(exchange);
        if (events.isEmpty()) {
            return;
        }
        String version = exchange.getMessage().getHeader(KapsoConstants.PAYLOAD_VERSION, String.class);
        Instant now = clock.instant();
        List<Row> rows = new ArrayList<>(events.size() * 3);
        for (KeyedEvent event : events) {
            rows.addAll(EventRowMapper.rows(event, version, now));
        }
        write(rows);
    }

    private void write(List<Row> rows) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                KapsoSqlDialect sql = dialect(connection);
                try {
                    inTransaction(connection, sql, rows);
                    return;
                } catch (SQLException e) {
                    if (attempt >= maxAttempts || !SqlFailure.isTransient(e, sql)) {
                        throw rejected(e);
                    }
                    LOG.debug("Kapso event transaction lost a race (SQLState {}), attempt {} of {}",
                            SqlFailure.state(e), attempt, maxAttempts);
                }
            }
        }
    }

    private static void inTransaction(Connection connection, KapsoSqlDialect sql, List<Row> rows) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            RowBatch.write(connection, sql, rows);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            try {
                connection.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // the connection is broken; the pool discards it
            }
        }
    }

    private static Exception rejected(SQLException e) {
        if (!(e instanceof RowBatch.RowsRefused refused)) {
            return e;
        }
        String key = refused.row == null ? null : refused.row.idempotencyKey();
        String state = SqlFailure.state(e);
        if (state != null && (state.startsWith("08") || state.startsWith("57") || state.startsWith("40"))) {
            // the connection or the server failed, not the row: nothing to blame on the data
            return e.getCause() instanceof SQLException cause ? cause : e;
        }
        return new KapsoRowRejectedException("The database refused a row of " + refused.table.name()
                                             + (key == null ? "" : " for the event " + key) + " (SQLState " + state
                                             + ": " + SqlFailure.reason(e) + "); nothing of this exchange was written",
                refused.table.name(), null, key, e);
    }

    private KapsoSqlDialect dialect(Connection connection) throws SQLException {
        KapsoSqlDialect known = dialect;
        if (known == null) {
            known = KapsoSqlDialect.of(connection);
            dialect = known;
        }
        return known;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /** The database to write to; its tables made by {@link KapsoEventSchema#migrate}. */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public KapsoSqlDialect getDialect() {
        return dialect;
    }

    /** The SQL dialect; detected from the first connection when not set. */
    public void setDialect(KapsoSqlDialect dialect) {
        this.dialect = dialect;
    }

    /** The clock of {@code received_at} and {@code first_seen_at}; UTC system time by default. */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    /**
     * How often a transaction that lost a race (deadlock, serialization failure, H2's concurrent MERGE) is tried in
     * all; 3 by default. A refused row is never tried again.
     */
    public void setMaxAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
    }
}
