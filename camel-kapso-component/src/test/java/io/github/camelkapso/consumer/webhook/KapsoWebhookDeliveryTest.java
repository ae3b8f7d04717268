package io.github.camelkapso.consumer.webhook;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.event.MessageReceived;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Batches are split, filtered and de-duplicated; the answer says 200 only once every event went through the route. */
class KapsoWebhookDeliveryTest extends WebhookTestSupport {

    private final MemoryIdempotentRepository repository = new MemoryIdempotentRepository();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final CountDownLatch slowStarted = new CountDownLatch(1);
    private final CountDownLatch slowRelease = new CountDownLatch(1);

    @Override
    protected RouteBuilder routes() {
        context.getRegistry().bind("seen", repository);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kapso:webhook?path=/split&webhookForwardHeaders=X-Tenant&webhookSecret=" + SECRET).to("mock:split");
                from("kapso:webhook?path=/whole&splitBatch=false&webhookSecret=" + SECRET).to("mock:whole");
                from("kapso:webhook?path=/filtered&eventTypes=whatsapp.message.failed,workflow.*&webhookSecret=" + SECRET)
                        .to("mock:filtered");
                from("kapso:webhook?path=/dedupe&webhookIdempotentRepository=#seen&webhookSecret=" + SECRET)
                        .process(e -> {
                            if (e.getMessage().getHeader(KapsoConstants.BATCH_INDEX, Integer.class) == 1
                                && failuresLeft.getAndDecrement() > 0) {
                                throw new IllegalStateException("downstream unavailable");
                            }
                        })
                        .to("mock:dedupe");
                from("kapso:webhook?path=/slow&webhookIdempotentRepository=#seen&webhookSecret=" + SECRET)
                        .process(e -> {
                            slowStarted.countDown();
                            slowRelease.await(20, TimeUnit.SECONDS);
                        })
                        .to("mock:slow");
            }
        };
    }

    private HttpResponse<String> deliverBatch(String path, String key) throws Exception {
        byte[] body = Payloads.bytes("batch.json");
        return post(path, body, Map.of("X-Webhook-Signature", sign(SECRET, body), "X-Webhook-Event", "whatsapp.message.received",
                "X-Idempotency-Key", key, "X-Webhook-Batch", "true", "X-Batch-Size", "3", "X-Webhook-Payload-Version", "v2",
                "X-Tenant", "acme"));
    }

    @Test
    void aBatchIsSplitIntoOneExchangePerEventInOrder() throws Exception {
        assertThat(deliverBatch("/split", "batch-1").statusCode()).isEqualTo(200);

        List<Exchange> events = mock("split").getReceivedExchanges();
        assertThat(events).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(events.get(i).getMessage().getHeaders())
                    .containsEntry(KapsoConstants.EVENT_TYPE, "whatsapp.message.received")
                    .containsEntry(KapsoConstants.IDEMPOTENCY_KEY, "message:wamid.11" + (i + 1) + ":whatsapp.message.received")
                    .containsEntry(KapsoConstants.BATCH_INDEX, i)
                    .containsEntry(KapsoConstants.BATCH_SIZE, 3)
                    .containsEntry(KapsoConstants.CONVERSATION_ID, "conv_123")
                    .containsEntry(KapsoConstants.PHONE_NUMBER_ID, "123456789012345")
                    .containsEntry(KapsoConstants.MESSAGE_ID, "wamid.11" + (i + 1))
                    .containsEntry("X-Tenant", "acme")
                    .doesNotContainKeys("X-Webhook-Signature", "X-Webhook-Event", "X-Webhook-Batch", "X-Batch-Size",
                            "X-Idempotency-Key", "X-Webhook-Payload-Version");
        }
        assertThat(events.get(0).getMessage().getBody(MessageReceived.class).message().text()).isEqualTo("First");
        assertThat(events.get(2).getMessage().getBody(MessageReceived.class).message().location().name()).isEqualTo("Office");
    }

    @Test
    void aBodyMarkedAsBatchIsSplitWithoutTheHeader() throws Exception {
        byte[] body = Payloads.bytes("batch.json");

        post("/split", body, Map.of("X-Webhook-Signature", sign(SECRET, body), "X-Idempotency-Key", "batch-nohdr"));

        assertThat(mock("split").getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(KapsoConstants.EVENT_TYPE))
                .containsExactly("whatsapp.message.received", "whatsapp.message.received", "whatsapp.message.received");
    }

    @Test
    void splitBatchFalseKeepsTheBatchAsOneExchange() throws Exception {
        assertThat(deliverBatch("/whole", "batch-2").statusCode()).isEqualTo(200);

        assertThat(mock("whole").getReceivedExchanges()).singleElement().satisfies(e -> {
            assertThat(e.getMessage().getHeaders())
                    .hasEntrySatisfying(KapsoConstants.IDEMPOTENCY_KEY, k -> assertThat(k).asString().matches("delivery:[0-9a-f]{64}"))
                    .containsEntry(KapsoConstants.BATCH_SIZE, 3)
                    .containsEntry(KapsoConstants.CONVERSATION_ID, "conv_123")
                    .doesNotContainKey(KapsoConstants.BATCH_INDEX);
            assertThat((List<?>) e.getMessage().getBody(Map.class).get("data")).hasSize(3);
        });
    }

    @Test
    void aBatchWithoutDataIs400() throws Exception {
        byte[] body = utf8("{\"type\":\"whatsapp.message.received\",\"batch\":true}");

        HttpResponse<String> response = post("/split", body, Map.of("X-Webhook-Signature", sign(SECRET, body)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("A batched delivery must carry its events in a data array");
    }

    @Test
    void eventTypesLetsOnlyTheNamedEventsThroughAndAcknowledgesTheOthers() throws Exception {
        byte[] received = Payloads.bytes("message-received.json");
        byte[] failed = Payloads.bytes("message-failed.json");
        byte[] handoff = Payloads.bytes("workflow-handoff.json");

        HttpResponse<String> ignored = deliver("/filtered", SECRET, received, "whatsapp.message.received", "f-1");
        HttpResponse<String> taken = deliver("/filtered", SECRET, failed, "whatsapp.message.failed", "f-2");
        HttpResponse<String> wildcard = deliver("/filtered", SECRET, handoff, "workflow.execution.handoff", "f-3");

        assertThat(ignored.statusCode()).isEqualTo(200);
        assertThat(ignored.body()).isEqualTo("Ignored");
        assertThat(taken.statusCode()).isEqualTo(200);
        assertThat(wildcard.statusCode()).isEqualTo(200);
        assertThat(mock("filtered").getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(KapsoConstants.EVENT_TYPE))
                .containsExactly("whatsapp.message.failed", "workflow.execution.handoff");
    }

    @Test
    void aRepeatedDeliveryIsAnswered200AndProcessedOnce() throws Exception {
        assertThat(deliverBatch("/dedupe", "dup-1").statusCode()).isEqualTo(200);
        assertThat(deliverBatch("/dedupe", "dup-1").statusCode()).isEqualTo(200);
        assertThat(deliverBatch("/dedupe", "dup-1").statusCode()).isEqualTo(200);

        assertThat(mock("dedupe").getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(KapsoConstants.MESSAGE_ID))
                .containsExactly("wamid.111", "wamid.112", "wamid.113");
        assertThat(repository.contains("message:wamid.113:whatsapp.message.received")).isTrue();
    }

    @Test
    void aFailedEventIs500AndKapsosRetryProcessesItExactlyOnce() throws Exception {
        failuresLeft.set(1);

        HttpResponse<String> first = deliverBatch("/dedupe", "retry-1");

        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(first.body()).isEqualTo("Event processing failed; retry later");
        // the first event went through; the failed one and the one after it did not
        assertThat(mock("dedupe").getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(KapsoConstants.MESSAGE_ID))
                .containsExactly("wamid.111");
        assertThat(repository.contains("message:wamid.112:whatsapp.message.received")).isFalse();

        HttpResponse<String> retry = deliverBatch("/dedupe", "retry-1");

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(mock("dedupe").getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(KapsoConstants.MESSAGE_ID))
                .containsExactly("wamid.111", "wamid.112", "wamid.113");
    }

    @Test
    void aRetryArrivingWhileTheFirstAttemptStillRunsIsToldToComeBack() throws Exception {
        byte[] body = Payloads.bytes("message-received.json");
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return deliver("/slow", SECRET, body, "whatsapp.message.received", "slow-1");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(slowStarted.await(20, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> concurrent = deliver("/slow", SECRET, body, "whatsapp.message.received", "slow-1");

        assertThat(concurrent.statusCode()).isEqualTo(409);
        assertThat(first).isNotDone();
        slowRelease.countDown();
        await().atMost(20, TimeUnit.SECONDS).until(first::isDone);
        assertThat(first.get().statusCode()).isEqualTo(200);
        assertThat(deliver("/slow", SECRET, body, "whatsapp.message.received", "slow-1").statusCode()).isEqualTo(200);
        assertThat(mock("slow").getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void anEventWithoutIdsInItsPayloadIsKeyedOnTheDigestOfTheSignedBody() throws Exception {
        byte[] body = Payloads.bytes("phone-number-created.json");

        post("/split", body, Map.of("X-Webhook-Signature", sign(SECRET, body), "X-Webhook-Event", "whatsapp.phone_number.created"));

        String key = mock("split").getReceivedExchanges().get(0).getMessage().getHeader(KapsoConstants.IDEMPOTENCY_KEY, String.class);
        assertThat(key).matches("delivery:[0-9a-f]{64}");
    }

    @Test
    void withoutAnEventHeaderTheTypeIsReadFromThePayload() throws Exception {
        byte[] body = Payloads.bytes("message-delivered.json");

        post("/split", body, Map.of("X-Webhook-Signature", sign(SECRET, body)));

        assertThat(mock("split").getReceivedExchanges().get(0).getMessage().getHeader(KapsoConstants.EVENT_TYPE))
                .isEqualTo("whatsapp.message.delivered");
    }

    @Test
    void aV1PayloadIsPassedAsItIsWithoutIdHeaders() throws Exception {
        byte[] body = utf8("{\"whatsapp_config\":{\"id\":\"cfg_1\",\"phone_number_id\":\"155\"},\"message\":{\"id\":\"m1\","
                           + "\"message_type\":\"text\",\"content\":\"hi\"},\"conversation\":{\"id\":\"c1\"}}");

        post("/split", body, Map.of("X-Webhook-Signature", sign(SECRET, body), "X-Webhook-Event", "whatsapp.message.received",
                "X-Webhook-Payload-Version", "v1", "X-Idempotency-Key", "v1-key"));

        Exchange event = mock("split").getReceivedExchanges().get(0);
        assertThat(event.getMessage().getHeaders())
                .containsEntry(KapsoConstants.PAYLOAD_VERSION, "v1")
                .doesNotContainKeys(KapsoConstants.MESSAGE_ID, KapsoConstants.CONVERSATION_ID, KapsoConstants.PHONE_NUMBER_ID);
        assertThat(event.getMessage().getBody(Map.class)).containsKey("whatsapp_config");
        assertThat(event.getMessage().getBody(io.github.camelkapso.event.KapsoEvent.class))
                .isInstanceOf(io.github.camelkapso.event.UnknownEvent.class);
    }
}
