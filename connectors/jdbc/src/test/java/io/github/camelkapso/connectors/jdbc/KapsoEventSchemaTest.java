package io.github.camelkapso.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KapsoEventSchemaTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {TestDatabase.H2, TestDatabase.POSTGRESQL})
    void migratesAFreshDatabaseToTheLatestVersionAndLeavesItThere(String vendor) throws Exception {
        try (TestDatabase database = TestDatabase.create(vendor)) {
            assertThat(KapsoEventSchema.migrate(database.dataSource())).isEqualTo("1");

            MigrationInfo[] applied = KapsoEventSchema.flyway(database.dataSource()).info().applied();
            assertThat(applied).extracting(m -> m.getVersion().getVersion()).containsExactly("1");
            for (String table : List.of(KapsoEventSchema.EVENTS_TABLE, KapsoEventSchema.CONVERSATIONS_TABLE,
                    KapsoEventSchema.MESSAGES_TABLE, KapsoEventSchema.MESSAGE_STATUSES_TABLE,
                    KapsoEventSchema.IDEMPOTENT_KEYS_TABLE)) {
                assertThat(database.count(table)).as(table).isZero();
            }

            assertThat(KapsoEventSchema.migrate(database.dataSource())).isEqualTo("1");
            assertThat(KapsoEventSchema.flyway(database.dataSource()).info().applied()).hasSize(1);
        }
    }

    /** The writer checks lengths against KapsoTables: they must be the migrated columns' own. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {TestDatabase.H2, TestDatabase.POSTGRESQL})
    void theWritersColumnsAreTheMigratedColumns(String vendor) throws Exception {
        try (TestDatabase database = TestDatabase.migrated(vendor)) {
            for (Table table : KapsoTables.WRITE_ORDER) {
                Map<String, Integer> sizes = new HashMap<>();
                Map<String, String> types = new HashMap<>();
                try (Connection connection = database.dataSource().getConnection()) {
                    DatabaseMetaData meta = connection.getMetaData();
                    String name = vendor.equals(TestDatabase.H2) ? table.name().toUpperCase(Locale.ROOT) : table.name();
                    try (ResultSet columns = meta.getColumns(null, null, name, null)) {
                        while (columns.next()) {
                            String column = columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                            sizes.put(column, columns.getInt("COLUMN_SIZE"));
                            types.put(column, columns.getString("TYPE_NAME").toLowerCase(Locale.ROOT));
                        }
                    }
                }
                assertThat(sizes.keySet()).as(table.name()).contains(table.columns().stream().map(Column::name)
                        .toArray(String[]::new));
                for (Column column : table.columns()) {
                    String where = table.name() + "." + column.name();
                    String type = types.get(column.name());
                    if (column.maxLength() != null) {
                        assertThat(type).as(where).isIn("varchar", "character varying");
                        assertThat(sizes.get(column.name())).as(where).isEqualTo(column.maxLength());
                    } else if (column.kind() == Column.Kind.TEXT) {
                        assertThat(type).as(where).isIn("text", "character large object", "clob");
                    } else if (column.kind() == Column.Kind.TIMESTAMP) {
                        assertThat(type).as(where).isIn("timestamptz", "timestamp with time zone");
                    }
                }
            }
        }
    }
}
