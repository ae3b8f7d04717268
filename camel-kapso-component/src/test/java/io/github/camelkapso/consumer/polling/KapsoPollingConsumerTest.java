package io.github.camelkapso.consumer.polling;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelkapso.support.RecordedRequest;
import io.github.camelkapso.support.StubResponse;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class KapsoPollingConsumerTest extends PollingTestBase {

    private static final String POLL_MESSAGES = "kapso:listMessages?phoneNumberId=" + PHONE + "&pageSize=3&delay=100&initialDelay=0";

    @Test
    void firstPollEmitsEveryExistingItemOldestFirstExactlyOnce() throws Exception {
        // pairs share a second, as WhatsApp timestamps do; 7 items over 3 Graph pages of 3
        addMessages("m1", 0, "m2", 0, "m3", 1, "m4", 1, "m5", 2, "m6", 2, "m7", 3);

        startContext(POLL_MESSAGES);

        awaitReceived(7);
        awaitMorePolls(MESSAGES_PATH, 3);
        assertThat(receivedIds()).containsExactly("m1", "m2", "m3", "m4", "m5", "m6", "m7");
        Received first = received.get(0);
        assertThat(first.body()).containsEntry("id", "m1").containsEntry("timestamp", String.valueOf(T0)).containsEntry("type", "text");
        assertThat(first.headers()).containsEntry("CamelKapsoItemIndex", 0)
                .containsEntry("CamelKapsoResponseOperation", "listMessages")
                .containsEntry("CamelKapsoItemOrderField", "timestamp")
                .containsEntry("CamelKapsoItemOrderValue", String.valueOf(T0))
                .containsEntry("CamelKapsoPollStateKey", "listMessages[phone_number_id:" + PHONE + "]");
        assertThat(received).extracting(Received::batchSize).containsOnly(7);
        assertThat(received).extracting(Received::batchIndex).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(received).extracting(Received::batchComplete).containsExactly(false, false, false, false, false, false, true);

        List<RecordedRequest> firstPoll = requestsTo(MESSAGES_PATH).subList(0, 3);
        assertThat(firstPoll.get(0).query()).containsEntry("limit", "3").doesNotContainKeys("after", "since");
        assertThat(firstPoll.get(1).query()).containsKey("after");
        assertThat(firstPoll.get(2).query()).containsKey("after");
        assertThat(firstPoll.get(0).header("X-API-Key")).isEqualTo(API_KEY);
        // later polls narrow with since (a second early) and stop at the page that ends below the watermark
        RecordedRequest later = requestsTo(MESSAGES_PATH).get(3);
        assertThat(later.query()).containsEntry("since", "2025-10-09T08:53:22Z").doesNotContainKey("after");
        assertThat(java.time.Instant.parse(later.query().get("since")).getEpochSecond()).isEqualTo(T0 + 3 - 1);
    }

    @Test
    void itemsAddedBetweenPollsComeOutOnceIncludingTiesAtTheWatermark() throws Exception {
        addMessages("m1", 0, "m2", 1);
        startContext(POLL_MESSAGES);
        awaitReceived(2);

        // m3 shares the watermark's second with m2: only the id set at the mark tells it is new
        addMessages("m3", 1, "m4", 2, "m5", 5);
        awaitReceived(5);
        addMessages("m6", 5);
        awaitReceived(6);
        awaitMorePolls(MESSAGES_PATH, 3);

        assertThat(receivedIds()).containsExactly("m1", "m2", "m3", "m4", "m5", "m6");
    }

    @Test
    void aStoppedAndRestartedRouteGoesOnFromItsWatermark() throws Exception {
        addMessages("m1", 0, "m2", 1, "m3", 1);
        startContext(POLL_MESSAGES);
        awaitReceived(3);

        context.getRouteController().stopRoute("poll");
        addMessages("m4", 1, "m5", 2);
        context.getRouteController().startRoute("poll");

        awaitReceived(5);
        awaitMorePolls(MESSAGES_PATH, 3);
        assertThat(receivedIds()).containsExactly("m1", "m2", "m3", "m4", "m5");
    }

    @Test
    void aNewCamelContextSharingAFileStateRepositoryNeitherRepeatsNorMisses(@TempDir Path dir) throws Exception {
        File file = dir.resolve("kapso-poll.state").toFile();
        addMessages("m1", 0, "m2", 1, "m3", 1);
        FileStateRepository firstRepo = FileStateRepository.fileStateRepository(file);
        startContext(POLL_MESSAGES + "&stateRepository=#state", Map.of("state", firstRepo), null);
        awaitReceived(3);
        context.stop();
        firstRepo.stop();

        addMessages("m4", 1, "m5", 2, "m6", 2);
        FileStateRepository secondRepo = FileStateRepository.fileStateRepository(file);
        startContext(POLL_MESSAGES + "&stateRepository=#state", Map.of("state", secondRepo), null);
        awaitReceived(6);
        awaitMorePolls(MESSAGES_PATH, 3);
        secondRepo.stop();

        assertThat(receivedIds()).containsExactly("m1", "m2", "m3", "m4", "m5", "m6");
        assertThat(java.nio.file.Files.readString(file.toPath()))
                .contains("listMessages[phone_number_id:" + PHONE + "]={\"v\":1,\"mark\":\"2025-10-09T08:53:22Z\",\"ids\":[\"m5\",\"m6\"]}");
    }

    @Test
    void maxMessagesPerPollDrainsTheBacklogOverSeveralPollsInOrder() throws Exception {
        addMessages("m0", 0);
        startContext(POLL_MESSAGES + "&maxMessagesPerPoll=2");
        awaitReceived(1);

        addMessages("a", 1, "b", 1, "c", 2, "d", 3, "e", 3);
        awaitReceived(6);
        awaitMorePolls(MESSAGES_PATH, 3);

        assertThat(batches()).containsExactly(List.of("m0"), List.of("a", "b"), List.of("c", "d"), List.of("e"));
        assertThat(received.subList(1, 3)).extracting(Received::batchSize).containsOnly(2);
    }

    @Test
    void anItemTheRouteFailsOnComesAgainNextPollAndTheOnesBeforeItDoNot() throws Exception {
        addMessages("m1", 0, "m2", 1, "m3", 2, "m4", 3);
        AtomicInteger failures = new AtomicInteger();
        startContext(POLL_MESSAGES, Map.of(), exchange -> {
            if ("m3".equals(exchange.getMessage().getHeader("CamelKapsoItemId")) && failures.getAndIncrement() == 0) {
                throw new IllegalStateException("downstream unavailable");
            }
        });

        awaitReceived(5);
        awaitMorePolls(MESSAGES_PATH, 3);

        assertThat(receivedIds()).containsExactly("m1", "m2", "m3", "m3", "m4");
        assertThat(batches()).containsExactly(List.of("m1", "m2", "m3"), List.of("m3", "m4"));
    }

    @Test
    void a429StopsRequestsUntilRetryAfterHasPassedThenPollingResumes() throws Exception {
        addMessages("m1", 0, "m2", 1);
        AtomicInteger calls = new AtomicInteger();
        fault = r -> calls.getAndIncrement() == 0
                ? StubResponse.json(429, "{\"error\":\"Rate limit exceeded\",\"message\":\"Too many requests\"}")
                        .withHeader("Retry-After", "1").withHeader("X-RateLimit-Remaining", "0")
                : null;

        // the client's own retries are off, so the 429 reaches the consumer
        startContext(POLL_MESSAGES + "&maxRetries=0");

        awaitReceived(2);
        List<RecordedRequest> requests = requestsTo(MESSAGES_PATH);
        long gap = requests.get(1).arrivalNanos() - requests.get(0).arrivalNanos();
        assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(receivedIds()).containsExactly("m1", "m2");
    }

    @Test
    void cursorsThatGoRoundInACircleFailThePollInsteadOfLooping() throws Exception {
        fault = r -> {
            String after = r.query().get("after");
            String[] page = after == null ? new String[] {"e3", "X"} : "X".equals(after) ? new String[] {"e2", "Y"} : new String[] {"e1", "X"};
            return StubResponse.json(200, "{\"data\":[{\"id\":\"" + page[0] + "\",\"occurred_at\":\"2025-10-09T08:53:2" + page[0].charAt(1)
                                          + "Z\"}],\"paging\":{\"cursors\":{\"after\":\"" + page[1] + "\"},\"next\":\"" + page[1]
                                          + "\",\"previous\":null}}");
        };
        startContext("kapso:listEvents?delay=100&initialDelay=0");

        awaitMorePolls(EVENTS_PATH, 2);
        assertThat(received).isEmpty();
        // each poll stops at the cursor it saw before: first page, X, Y, then X again is refused without a request
        assertThat(requestsTo(EVENTS_PATH).subList(0, 4)).extracting(r -> r.query().getOrDefault("after", "-"))
                .containsExactly("-", "X", "Y", "-");
    }

    @Test
    void platformPagesAreWalkedAndNarrowedWithCreatedAfter() throws Exception {
        for (int i = 1; i <= 5; i++) {
            broadcasts.add(createdAt("b" + i, i));
        }
        startContext("kapso:listBroadcasts?pageSize=2&delay=100&initialDelay=0");
        awaitReceived(5);

        broadcasts.add(createdAt("b6", 6)).add(createdAt("b7", 6));
        awaitReceived(7);
        awaitMorePolls(BROADCASTS_PATH, 3);

        assertThat(receivedIds()).containsExactly("b1", "b2", "b3", "b4", "b5", "b6", "b7");
        List<RecordedRequest> firstPoll = requestsTo(BROADCASTS_PATH).subList(0, 3);
        assertThat(firstPoll).extracting(r -> r.query().getOrDefault("page", "1")).containsExactly("1", "2", "3");
        assertThat(firstPoll.get(0).query()).containsEntry("per_page", "2");
        RecordedRequest last = stub.lastRequest();
        assertThat(last.query()).containsEntry("created_after", java.time.Instant.ofEpochSecond(T0 + 6 - 1).toString());
    }

    @Test
    void platformCursorListsFollowPagingNext() throws Exception {
        for (int i = 1; i <= 4; i++) {
            events.add(GrowingList.item("e" + i, "occurred_at", java.time.Instant.ofEpochSecond(T0 + i).toString()));
        }
        startContext("kapso:listEvents?name=order.paid&pageSize=3&delay=100&initialDelay=0");
        awaitReceived(4);
        events.add(GrowingList.item("e5", "occurred_at", java.time.Instant.ofEpochSecond(T0 + 9).toString()));
        awaitReceived(5);
        awaitMorePolls(EVENTS_PATH, 2);

        assertThat(receivedIds()).containsExactly("e1", "e2", "e3", "e4", "e5");
        assertThat(requestsTo(EVENTS_PATH).get(0).query()).containsEntry("name", "order.paid").containsEntry("limit", "3");
        assertThat(requestsTo(EVENTS_PATH).get(1).query()).containsKey("after");
        assertThat(received.get(0).headers()).containsEntry("CamelKapsoPollStateKey", "listEvents[name:order.paid]");
    }

    @Test
    void pageSizeOnAListWithBothPagingStylesKeepsToCursors() throws Exception {
        for (int i = 1; i <= 5; i++) {
            contacts.add(createdAt("c" + i, i));
        }
        startContext("kapso:listProjectContacts?pageSize=2&delay=100&initialDelay=0");
        awaitReceived(5);
        awaitMorePolls(CONTACTS_PATH, 2);

        assertThat(receivedIds()).containsExactly("c1", "c2", "c3", "c4", "c5");
        assertThat(requestsTo(CONTACTS_PATH)).allSatisfy(r -> assertThat(r.query()).containsEntry("limit", "2").doesNotContainKey("per_page"));
    }

    @Test
    void queryRowsPollsOffsetPagesOrderedByTheColumnWithAGteFilter() throws Exception {
        rows.add(row("r1", 1, "active")).add(row("r2", 2, "archived")).add(row("r3", 3, "active"))
                .add(row("r4", 4, "active")).add(row("r5", 4, "active"));
        startContext("kapso:queryRows?table=orders&filter.status=eq.active&pageSize=2&delay=100&initialDelay=0");
        awaitReceived(4);

        // r6 shares the watermark's created_at: the ids at the mark let it through, r4 and r5 stay out
        rows.add(row("r6", 4, "active")).add(row("r7", 5, "archived")).add(row("r8", 6, "active"));
        awaitReceived(6);
        awaitMorePolls(ROWS_PATH, 3);

        assertThat(receivedIds()).containsExactly("r1", "r3", "r4", "r5", "r6", "r8");
        List<RecordedRequest> firstPoll = requestsTo(ROWS_PATH).subList(0, 3);
        assertThat(firstPoll).extracting(r -> r.query().getOrDefault("offset", "0")).containsExactly("0", "2", "4");
        assertThat(firstPoll.get(0).query()).containsEntry("order", "created_at.asc").containsEntry("status", "eq.active")
                .containsEntry("limit", "2").doesNotContainKey("created_at");
        assertThat(stub.lastRequest().query()).containsEntry("created_at", "gte." + java.time.Instant.ofEpochSecond(T0 + 6))
                .containsEntry("status", "eq.active").containsEntry("order", "created_at.asc");
        assertThat(received.get(0).headers()).containsEntry("CamelKapsoPollStateKey",
                "queryRows[filter.status:eq.active,order:created_at,table:orders]");
    }

    @Test
    void queryRowsWithMaxMessagesPerPollStopsReadingOnceItHasEnough() throws Exception {
        for (int i = 1; i <= 6; i++) {
            rows.add(row("r" + i, i, "active"));
        }
        startContext("kapso:queryRows?table=orders&pageSize=2&maxMessagesPerPoll=2&delay=100&initialDelay=0");
        awaitReceived(6);

        assertThat(batches()).containsExactly(List.of("r1", "r2"), List.of("r3", "r4"), List.of("r5", "r6"));
        // each poll starts at the watermark and reads no further than it needs for two new rows
        assertThat(requestsTo(ROWS_PATH)).extracting(r -> Integer.parseInt(r.query().getOrDefault("offset", "0")))
                .allMatch(offset -> offset <= 2);
    }

    @Test
    void aRouteRestartWithTheDefaultMemoryStateKeepsTheWatermark() throws Exception {
        addMessages("m1", 0);
        startContext(POLL_MESSAGES);
        awaitReceived(1);
        context.getRouteController().stopRoute("poll");
        context.getRouteController().startRoute("poll");
        addMessages("m2", 0);
        awaitReceived(2);
        awaitMorePolls(MESSAGES_PATH, 2);
        assertThat(receivedIds()).containsExactly("m1", "m2");
    }

    @Test
    void pollSinceSkipsWhatCameBeforeIt() throws Exception {
        addMessages("m1", 0, "m2", 5, "m3", 9);
        startContext(POLL_MESSAGES + "&pollSince=" + java.time.Instant.ofEpochSecond(T0 + 5));
        awaitReceived(2);
        awaitMorePolls(MESSAGES_PATH, 2);
        assertThat(receivedIds()).containsExactly("m2", "m3");
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode row(String id, int second, String status) {
        return createdAt(id, second).put("status", status);
    }
}
