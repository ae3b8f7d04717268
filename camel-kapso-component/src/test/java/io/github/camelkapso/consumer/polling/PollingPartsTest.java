package io.github.camelkapso.consumer.polling;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.catalog.PollProfile;
import io.github.camelkapso.catalog.PollProfile.ListOrder;
import io.github.camelkapso.catalog.PollProfile.ValueKind;
import io.github.camelkapso.client.KapsoJson;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The watermark arithmetic on its own. */
class PollingPartsTest {

    private static final PollProfile MESSAGES = new PollProfile("timestamp", ValueKind.TIME, ListOrder.NEWEST_FIRST, "since", false);

    @Test
    void unixSecondsAndIsoTimesAreTheSameInstant() {
        OrderValue seconds = OrderValue.parse("1760000000", ValueKind.TIME);
        OrderValue iso = OrderValue.parse("2025-10-09T10:53:20+02:00", ValueKind.TIME);
        assertThat(seconds).isEqualTo(iso);
        assertThat(seconds.text()).isEqualTo("2025-10-09T08:53:20Z");
        assertThat(OrderValue.parse("1760000000123", ValueKind.TIME).time()).isEqualTo(Instant.ofEpochMilli(1760000000123L));
        assertThat(OrderValue.parse("2025-10-09T08:53:20.5Z", ValueKind.TIME)).isGreaterThan(seconds);
        assertThat(OrderValue.parse("soon", ValueKind.TIME)).isNull();
    }

    @Test
    void databaseValuesCompareAsNumbersTimesOrText() {
        assertThat(OrderValue.parse("9", ValueKind.ANY)).isLessThan(OrderValue.parse("10", ValueKind.ANY));
        assertThat(OrderValue.parse("9", ValueKind.ANY).text()).isEqualTo("9");
        assertThat(OrderValue.parse("2025-01-02 10:00:00", ValueKind.ANY))
                .isGreaterThan(OrderValue.parse("2025-01-01T23:00:00Z", ValueKind.ANY));
        // the raw text goes back to the database as it was read
        assertThat(OrderValue.parse("2025-01-02 10:00:00", ValueKind.ANY).text()).isEqualTo("2025-01-02 10:00:00");
        assertThat(OrderValue.parse("b-2", ValueKind.ANY)).isGreaterThan(OrderValue.parse("a-9", ValueKind.ANY));
    }

    @Test
    void theWatermarkTellsNewItemsByValueAndByIdAtTheMark() {
        OrderValue t1 = OrderValue.parse("100", ValueKind.TIME);
        OrderValue t2 = OrderValue.parse("101", ValueKind.TIME);
        PollState state = PollState.EMPTY.advance(t1, "a").advance(t1, "b");
        assertThat(state.idsAtMark()).containsExactly("a", "b");
        assertThat(state.isAfter(t1, "a")).isFalse();
        assertThat(state.isAfter(t1, "c")).isTrue();
        assertThat(state.isAfter(t2, "a")).isTrue();
        assertThat(state.isAfter(OrderValue.parse("99", ValueKind.TIME), "z")).isFalse();
        PollState later = state.advance(t2, "c");
        assertThat(later.mark()).isEqualTo(t2);
        assertThat(later.idsAtMark()).containsExactly("c");
        assertThat(later.advance(t1, "d")).isEqualTo(later);
    }

    @Test
    void itemsAreEmittedOldestFirstWithTiesInCreationOrder() {
        NewItemSelector selector = new NewItemSelector(MESSAGES, Duration.ZERO, MemoryIdempotentRepository.memoryIdempotentRepository(100));
        // newest first, as Kapso lists them: c and b share a second, c created after b
        List<JsonNode> walked = List.of(msg("d", 3), msg("c", 2), msg("b", 2), msg("a", 1), msg("d", 3));
        PollPlan plan = selector.select(walked, PollState.EMPTY, 0);
        assertThat(plan.emits()).extracting(e -> e.item().id()).containsExactly("a", "b", "c", "d");
        assertThat(selector.select(walked, PollState.EMPTY, 3).emits()).extracting(e -> e.item().id()).containsExactly("a", "b", "c");
    }

    @Test
    void theLookbackFindsLateItemsAndTheIdempotentRepositoryKeepsOutKnownOnes() {
        org.apache.camel.spi.IdempotentRepository ids = MemoryIdempotentRepository.memoryIdempotentRepository(100);
        ids.add("old");
        NewItemSelector selector = new NewItemSelector(MESSAGES, Duration.ofSeconds(30), ids);
        PollState state = PollState.EMPTY.advance(OrderValue.parse("1000", ValueKind.TIME), "mark");
        List<JsonNode> walked = List.of(msg("new", 1001), msg("mark", 1000), msg("late", 990), msg("old", 985), msg("ancient", 900));

        PollPlan plan = selector.select(walked, state, 0);

        assertThat(plan.emits()).extracting(e -> e.item().id()).containsExactly("late", "new");
        assertThat(plan.leadingDuplicates()).extracting(PolledItem::id).containsExactly("old");
        assertThat(selector.threshold(state).text()).isEqualTo(Instant.ofEpochSecond(970).toString());
        assertThat(new NewItemSelector(MESSAGES, Duration.ZERO, ids).select(walked, state, 0).emits())
                .extracting(e -> e.item().id()).containsExactly("new");
    }

    @Test
    void theStateKeyIsStableAndStorableInAFileStateRepository(@TempDir Path dir) throws Exception {
        File file = dir.resolve("state").toFile();
        FileStateRepository repo = FileStateRepository.fileStateRepository(file);
        repo.start();
        PollStateStore store = new PollStateStore(KapsoJson.newMapper(), repo, "queryRows[filter.note:eq.a%3Db,table:orders]", ValueKind.ANY);
        PollState state = PollState.EMPTY.advance(OrderValue.parse("2025-01-02 10:00:00", ValueKind.ANY), "r\n1");
        store.save(state);
        repo.stop();

        FileStateRepository reopened = FileStateRepository.fileStateRepository(file);
        reopened.start();
        PollState loaded = new PollStateStore(KapsoJson.newMapper(), reopened, "queryRows[filter.note:eq.a%3Db,table:orders]", ValueKind.ANY).load();
        assertThat(loaded.mark().text()).isEqualTo("2025-01-02 10:00:00");
        assertThat(loaded.idsAtMark()).isEqualTo(Set.of("r\n1"));
        reopened.stop();
    }

    private static JsonNode msg(String id, long second) {
        ObjectNode node = GrowingList.item(id, "timestamp", String.valueOf(second));
        return node;
    }
}
