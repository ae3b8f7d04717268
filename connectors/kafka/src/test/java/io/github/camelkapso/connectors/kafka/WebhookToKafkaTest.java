package io.github.camelkapso.connectors.kafka;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Signed deliveries over HTTP into {@code kapso:webhook}, through the record mapper into a real KRaft broker, read back
 * with a plain KafkaConsumer: keys, values, headers, partitions, counts.
 */
class WebhookToKafkaTest extends KafkaPipelineTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READ = Duration.ofSeconds(15);

    private static KafkaTestBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaTestBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void eachTextIsOneRecordKeyedOnItsConversationInOrderOnOnePartition() throws Exception {
        broker.createTopics(3, "texts");
        startPipeline(broker.bootstrapServers(), "texts", null, KapsoKafkaProducerSettings.forKapsoWebhooks());

        for (int i = 1; i <= 3; i++) {
            assertThat(webhook.deliver("whatsapp.message.received", Payloads.text("wamid.a" + i, "conv_a", "A" + i))).isEqualTo(200);
            assertThat(webhook.deliver("whatsapp.message.received", Payloads.text("wamid.b" + i, "conv_b", "B" + i))).isEqualTo(200);
        }

        List<ConsumerRecord<String, String>> records = broker.readAll(6, READ, "texts");
        assertThat(records).hasSize(6);
        ConsumerRecord<String, String> first = records.stream().filter(r -> r.value().contains("wamid.a1")).findFirst().orElseThrow();
        assertThat(first.key()).isEqualTo("conv_a");
        assertThat(JSON.readTree(first.value())).isEqualTo(JSON.readTree(Payloads.text("wamid.a1", "conv_a", "A1")));
        assertThat(headersOf(first)).as("the six headers, in order").containsExactly(
                entry(KapsoRecordHeaders.EVENT_TYPE, "whatsapp.message.received"),
                entry(KapsoRecordHeaders.IDEMPOTENCY_KEY, "message:wamid.a1:whatsapp.message.received"),
                entry(KapsoRecordHeaders.CONVERSATION_ID, "conv_a"),
                entry(KapsoRecordHeaders.MESSAGE_ID, "wamid.a1"),
                entry(KapsoRecordHeaders.PHONE_NUMBER_ID, Payloads.PHONE_NUMBER_ID),
                entry(KapsoRecordHeaders.PAYLOAD_VERSION, "v2"));
        for (String conversation : List.of("conv_a", "conv_b")) {
            List<ConsumerRecord<String, String>> ofConversation = records.stream().filter(r -> conversation.equals(r.key())).toList();
            assertThat(ofConversation).extracting(ConsumerRecord::partition).containsOnly(ofConversation.get(0).partition());
            assertThat(ofConversation).extracting(r -> text(r.value()))
                    .containsExactly(conversation.substring(5).toUpperCase() + "1", conversation.substring(5).toUpperCase() + "2",
                            conversation.substring(5).toUpperCase() + "3");
        }
        assertThat(records).allSatisfy(r -> assertThat(headersOf(r).keySet())
                .noneMatch(name -> name.regionMatches(true, 0, "Camel", 0, 5)));
    }

    @Test
    void familiesGoToTheirTopicsABatchBecomesOneRecordPerEventAndAnUnknownTypeIsKept() throws Exception {
        broker.createTopics(3, "fam.message", "fam.status", "fam.conversation", "fam.other");
        startPipeline(broker.bootstrapServers(), "unused", "fam.{family}", KapsoKafkaProducerSettings.forKapsoWebhooks());

        assertThat(webhook.deliverBatch("whatsapp.message.received", Payloads.batch("whatsapp.message.received", List.of(
                Payloads.text("wamid.c1", "conv_c", "C1"), Payloads.text("wamid.c2", "conv_c", "C2"),
                Payloads.text("wamid.c3", "conv_c", "C3"))))).isEqualTo(200);
        assertThat(webhook.deliver("whatsapp.message.delivered", Payloads.status("wamid.out1", "conv_c", "delivered"))).isEqualTo(200);
        assertThat(webhook.deliver("whatsapp.message.read", Payloads.status("wamid.out1", "conv_c", "read"))).isEqualTo(200);
        assertThat(webhook.deliver("whatsapp.conversation.ended", Payloads.conversationEnded("conv_c"))).isEqualTo(200);
        assertThat(webhook.deliver("whatsapp.novelty.appeared", Payloads.unknown("nov_1"))).isEqualTo(200);

        List<ConsumerRecord<String, String>> messages = broker.readAll(3, READ, "fam.message");
        assertThat(messages).extracting(r -> text(r.value())).containsExactly("C1", "C2", "C3");
        assertThat(messages).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo("conv_c");
            assertThat(JSON.readTree(r.value()).has("batch")).isFalse();
            assertThat(JSON.readTree(r.value()).has("data")).isFalse();
        });
        assertThat(messages).extracting(r -> headersOf(r).get(KapsoRecordHeaders.IDEMPOTENCY_KEY)).containsExactly(
                "message:wamid.c1:whatsapp.message.received", "message:wamid.c2:whatsapp.message.received",
                "message:wamid.c3:whatsapp.message.received");

        List<ConsumerRecord<String, String>> statuses = broker.readAll(2, READ, "fam.status");
        assertThat(statuses).extracting(r -> headersOf(r).get(KapsoRecordHeaders.EVENT_TYPE))
                .containsExactly("whatsapp.message.delivered", "whatsapp.message.read");
        assertThat(statuses).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo("conv_c");
            assertThat(headersOf(r)).containsEntry(KapsoRecordHeaders.MESSAGE_ID, "wamid.out1");
        });

        assertThat(broker.readAll(1, READ, "fam.conversation")).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("conv_c");
            assertThat(headersOf(r)).containsEntry(KapsoRecordHeaders.EVENT_TYPE, "whatsapp.conversation.ended")
                    .doesNotContainKey(KapsoRecordHeaders.MESSAGE_ID);
        });
        assertThat(broker.readAll(1, READ, "fam.other")).singleElement().satisfies(r -> {
            assertThat(r.key()).as("no conversation: keyed on the phone number id").isEqualTo(Payloads.PHONE_NUMBER_ID);
            assertThat(JSON.readTree(r.value())).isEqualTo(JSON.readTree(Payloads.unknown("nov_1")));
            assertThat(headersOf(r)).containsEntry(KapsoRecordHeaders.EVENT_TYPE, "whatsapp.novelty.appeared")
                    .doesNotContainKeys(KapsoRecordHeaders.CONVERSATION_ID, KapsoRecordHeaders.MESSAGE_ID);
        });
    }

    @Test
    void aDeliveryKapsoRepeatsIsWrittenOnce() throws Exception {
        broker.createTopics(3, "repeats");
        startPipeline(broker.bootstrapServers(), "repeats", null, KapsoKafkaProducerSettings.forKapsoWebhooks());
        String batch = Payloads.batch("whatsapp.message.received", List.of(Payloads.text("wamid.d1", "conv_d", "D1"),
                Payloads.text("wamid.d2", "conv_d", "D2")));

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThat(webhook.deliver("whatsapp.message.received", Payloads.text("wamid.d0", "conv_d", "D0"))).isEqualTo(200);
            assertThat(webhook.deliverBatch("whatsapp.message.received", batch)).isEqualTo(200);
        }

        assertThat(broker.readAll(3, READ, "repeats")).extracting(r -> text(r.value())).containsExactly("D0", "D1", "D2");
    }

    private static String text(String value) {
        try {
            JsonNode node = JSON.readTree(value);
            return node.path("message").path("text").path("body").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
