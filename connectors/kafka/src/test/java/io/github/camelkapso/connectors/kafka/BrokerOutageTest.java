package io.github.camelkapso.connectors.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker stops for some seconds in the middle of a stream of deliveries. While it is down the webhook answers 5xx
 * (the send fails within the producer's timeouts, so the route fails and the delivery is not acknowledged); the sender
 * retries as Kapso does, and once the broker is back every event is in the topic: as many distinct idempotency keys as
 * events sent, each conversation's events first seen in the order they were sent.
 */
class BrokerOutageTest extends KafkaPipelineTestSupport {

    private static final int EVENTS = 30;
    private static final int STOP_AFTER = 10;
    private static final List<String> CONVERSATIONS = List.of("conv_x", "conv_y", "conv_z");

    private static KafkaTestBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaTestBroker.start();
        broker.createTopics(3, "outage");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void deliveriesFailWhileTheBrokerIsDownAndEveryEventIsInTheTopicOnceItIsBack() throws Exception {
        // short timeouts so that a delivery to a stopped broker fails in about a second
        startPipeline(broker.bootstrapServers(), "outage", null, new KapsoKafkaProducerSettings(1_000, 1_500, 1_000));
        AtomicInteger acknowledged = new AtomicInteger();
        List<Integer> failures = new CopyOnWriteArrayList<>();

        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < EVENTS; i++) {
                String payload = Payloads.text("wamid.s" + i, CONVERSATIONS.get(i % 3), "S" + i);
                // Kapso's part: the same delivery again until it is answered 200
                await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                        .until(() -> {
                            int status = webhook.deliver("whatsapp.message.received", payload);
                            if (status != 200) {
                                failures.add(status);
                            }
                            return status == 200;
                        });
                acknowledged.incrementAndGet();
            }
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.get() >= STOP_AFTER);
        broker.broker().shutdown();
        int acknowledgedWhenStopped = acknowledged.get();
        // down for at least three failed deliveries (a few seconds) before it returns
        await().atMost(Duration.ofSeconds(30)).until(() -> failures.size() >= 3);
        int acknowledgedWhileDown = acknowledged.get() - acknowledgedWhenStopped;
        broker.broker().startup();
        stream.get(90, TimeUnit.SECONDS);

        assertThat(acknowledgedWhileDown).as("no delivery is acknowledged while the broker is down").isLessThanOrEqualTo(1);
        assertThat(failures).hasSizeGreaterThanOrEqualTo(3).allSatisfy(status -> assertThat(status).isEqualTo(500));
        List<ConsumerRecord<String, String>> records = broker.readAll(EVENTS, Duration.ofSeconds(30), "outage");
        Map<String, List<String>> firstSeen = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            String key = headersOf(record).get(KapsoRecordHeaders.IDEMPOTENCY_KEY);
            if (keys.add(key)) {
                firstSeen.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(headersOf(record).get(KapsoRecordHeaders.MESSAGE_ID));
            }
        }
        assertThat(keys).hasSize(EVENTS);
        for (int c = 0; c < CONVERSATIONS.size(); c++) {
            List<String> sent = new ArrayList<>();
            for (int i = c; i < EVENTS; i += 3) {
                sent.add("wamid.s" + i);
            }
            assertThat(firstSeen.get(CONVERSATIONS.get(c))).as(CONVERSATIONS.get(c)).containsExactlyElementsOf(sent);
        }
    }
}
