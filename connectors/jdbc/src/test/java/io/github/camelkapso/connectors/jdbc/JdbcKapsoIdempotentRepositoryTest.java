package io.github.camelkapso.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcKapsoIdempotentRepositoryTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {TestDatabase.H2, TestDatabase.POSTGRESQL})
    void addConfirmRemoveContainsAndClearKeepCamelsSemantics(String vendor) throws Exception {
        try (TestDatabase database = TestDatabase.migrated(vendor)) {
            JdbcKapsoIdempotentRepository keys = new JdbcKapsoIdempotentRepository(database.dataSource());
            JdbcKapsoIdempotentRepository other = new JdbcKapsoIdempotentRepository(database.dataSource(), "other");
            keys.start();
            other.start();

            assertThat(keys.contains("message:wamid.1:whatsapp.message.received")).isFalse();
            assertThat(keys.add("message:wamid.1:whatsapp.message.received")).isTrue();
            assertThat(keys.add("message:wamid.1:whatsapp.message.received")).isFalse();
            assertThat(keys.contains("message:wamid.1:whatsapp.message.received")).isTrue();
            assertThat(keys.confirm("message:wamid.1:whatsapp.message.received")).isTrue();
            assertThat(keys.add("message:wamid.1:whatsapp.message.received")).isFalse();
            assertThat(keys.confirm("never-added")).isFalse();

            // another repository name is another set of keys in the same table
            assertThat(other.add("message:wamid.1:whatsapp.message.received")).isTrue();

            assertThat(keys.add("k2")).isTrue();
            assertThat(keys.remove("k2")).isTrue();
            assertThat(keys.remove("k2")).isFalse();
            assertThat(keys.add("k2")).isTrue();

            keys.clear();
            assertThat(keys.contains("message:wamid.1:whatsapp.message.received")).isFalse();
            assertThat(keys.contains("k2")).isFalse();
            assertThat(other.contains("message:wamid.1:whatsapp.message.received")).isTrue();
            assertThat(database.count(KapsoEventSchema.IDEMPOTENT_KEYS_TABLE)).isEqualTo(1);

            assertThatThrownBy(() -> keys.add("k".repeat(513)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("kapso_idempotent_keys.idempotency_key holds at most 512 characters; the key has 513");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {TestDatabase.H2, TestDatabase.POSTGRESQL})
    void ofConcurrentAddsOfOneKeyExactlyOneWins(String vendor) throws Exception {
        int threads = 6;
        try (TestDatabase database = TestDatabase.migrated(vendor)) {
            // two repositories, as two hub instances on one database would have
            JdbcKapsoIdempotentRepository first = new JdbcKapsoIdempotentRepository(database.dataSource());
            JdbcKapsoIdempotentRepository second = new JdbcKapsoIdempotentRepository(database.dataSource());
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                for (int round = 0; round < 20; round++) {
                    String key = "message:wamid.race" + round + ":whatsapp.message.received";
                    CyclicBarrier start = new CyclicBarrier(threads);
                    List<Future<Boolean>> adds = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        JdbcKapsoIdempotentRepository repository = t % 2 == 0 ? first : second;
                        adds.add(pool.submit(() -> {
                            start.await(5, TimeUnit.SECONDS);
                            return repository.add(key);
                        }));
                    }
                    int winners = 0;
                    for (Future<Boolean> add : adds) {
                        winners += add.get(10, TimeUnit.SECONDS) ? 1 : 0;
                    }
                    assertThat(winners).as("winners of round " + round).isEqualTo(1);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(database.count(KapsoEventSchema.IDEMPOTENT_KEYS_TABLE)).isEqualTo(20);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {TestDatabase.H2, TestDatabase.POSTGRESQL})
    void aClaimLeftUnconfirmedPastTheTimeoutIsTakenOverOnceAndAConfirmedOneNever(String vendor) throws Exception {
        try (TestDatabase database = TestDatabase.migrated(vendor)) {
            Instant start = Instant.parse("2026-12-01T10:00:00Z");
            JdbcKapsoIdempotentRepository crashed = new JdbcKapsoIdempotentRepository(database.dataSource());
            crashed.setClock(Clock.fixed(start, ZoneOffset.UTC));
            assertThat(crashed.add("abandoned")).isTrue();
            assertThat(crashed.add("done")).isTrue();
            assertThat(crashed.confirm("done")).isTrue();

            JdbcKapsoIdempotentRepository soon = new JdbcKapsoIdempotentRepository(database.dataSource());
            soon.setClock(Clock.fixed(start.plus(Duration.ofMinutes(9)), ZoneOffset.UTC));
            assertThat(soon.add("abandoned")).as("still within the 10 minute claim").isFalse();

            JdbcKapsoIdempotentRepository later = new JdbcKapsoIdempotentRepository(database.dataSource());
            later.setClock(Clock.fixed(start.plus(Duration.ofMinutes(11)), ZoneOffset.UTC));
            assertThat(later.add("abandoned")).isTrue();
            assertThat(later.add("abandoned")).as("the new claim is fresh").isFalse();
            assertThat(later.add("done")).as("confirmed keys stay processed").isFalse();

            JdbcKapsoIdempotentRepository never = new JdbcKapsoIdempotentRepository(database.dataSource());
            never.setClaimTimeout(Duration.ZERO);
            never.setClock(Clock.fixed(start.plus(Duration.ofDays(2)), ZoneOffset.UTC));
            assertThat(never.add("abandoned")).isFalse();
        }
    }
}
