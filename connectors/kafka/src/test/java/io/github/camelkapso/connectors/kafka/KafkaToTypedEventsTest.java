package io.github.camelkapso.connectors.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelkapso.event.ConversationEvent;
import io.github.camelkapso.event.KapsoEvent;
import io.github.camelkapso.event.MessageReceived;
import io.github.camelkapso.event.MessageStatus;
import io.github.camelkapso.event.UnknownEvent;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer side: records the webhook pipeline wrote, read back as typed events by a plain consumer with
 * {@link KapsoEventDeserializer}, and by a Camel {@code kafka:} route with the type converter and a
 * {@link KafkaIdempotentRepository} on {@code kapso-idempotency-key} that lets a duplicate record through once.
 */
class KafkaToTypedEventsTest extends KafkaPipelineTestSupport {

    private static KafkaTestBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaTestBroker.start();
        broker.createTopics(1, "typed", "typed-seen");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void recordsComeBackAsTypedEventsAndADuplicateRecordIsProcessedOnce() throws Exception {
        startPipeline(broker.bootstrapServers(), "typed", null, KapsoKafkaProducerSettings.forKapsoWebhooks());
        assertThat(webhook.deliver("whatsapp.message.received", Payloads.text("wamid.t1", "conv_t", "Hola"))).isEqualTo(200);
        assertThat(webhook.deliver("whatsapp.message.delivered", Payloads.status("wamid.out9", "conv_t", "delivered"))).isEqualTo(200);
        assertThat(webhook.deliver("whatsapp.conversation.ended", Payloads.conversationEnded("conv_t"))).isEqualTo(200);
        assertThat(webhook.deliver("whatsapp.novelty.appeared", Payloads.unknown("nov_1"))).isEqualTo(200);

        List<KapsoEvent> plain = readTyped(4);
        assertThat(plain).hasSize(4);
        assertThat(plain.get(0)).isInstanceOfSatisfying(MessageReceived.class, m -> {
            assertThat(m.message().text()).isEqualTo("Hola");
            assertThat(m.conversation().id()).isEqualTo("conv_t");
        });
        assertThat(plain.get(1)).isInstanceOfSatisfying(MessageStatus.class, s -> assertThat(s.status()).isEqualTo("delivered"));
        // the payload alone cannot tell ended from created: this comes from the kapso-event-type header
        assertThat(plain.get(2)).isInstanceOfSatisfying(ConversationEvent.class, c -> assertThat(c.change()).isEqualTo("ended"));
        assertThat(plain.get(3)).isInstanceOfSatisfying(UnknownEvent.class,
                u -> assertThat(u.type()).isEqualTo("whatsapp.novelty.appeared"));

        resendFirstRecord();
        assertThat(webhook.deliver("whatsapp.novelty.appeared", Payloads.unknown("nov_last"))).isEqualTo(200);

        List<KapsoEvent> routed = new CopyOnWriteArrayList<>();
        List<Class<?>> concrete = new CopyOnWriteArrayList<>();
        KafkaIdempotentRepository seen = new KafkaIdempotentRepository("typed-seen", broker.bootstrapServers());
        context.getRegistry().bind("consumerSeen", seen);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kafka:typed?brokers=" + broker.bootstrapServers() + "&groupId=typed-reader&autoOffsetReset=earliest"
                     + "&pollTimeoutMs=500&headerDeserializer=#class:" + KapsoRecordHeaderDeserializer.class.getName())
                        .routeId("typed-reader")
                        .idempotentConsumer(header(KapsoRecordHeaders.IDEMPOTENCY_KEY)).idempotentRepository("#consumerSeen")
                        .process(exchange -> {
                            KapsoEvent event = exchange.getMessage().getBody(KapsoEvent.class);
                            concrete.add(exchange.getMessage().getBody(event.getClass()).getClass());
                            routed.add(event);
                        });
            }
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> routed.stream().anyMatch(e -> e.raw().path("id").asText().equals("nov_last")));
        assertThat(routed).extracting(KapsoEvent::type).containsExactly("whatsapp.message.received",
                "whatsapp.message.delivered", "whatsapp.conversation.ended", "whatsapp.novelty.appeared",
                "whatsapp.novelty.appeared");
        assertThat(routed.get(2)).isInstanceOf(ConversationEvent.class);
        assertThat(concrete).containsExactly(MessageReceived.class, MessageStatus.class, ConversationEvent.class,
                UnknownEvent.class, UnknownEvent.class);
        assertThat(seen.contains("message:wamid.t1:whatsapp.message.received")).isTrue();
    }

    private List<KapsoEvent> readTyped(int expected) {
        Properties props = consumerProps();
        List<KapsoEvent> events = new java.util.ArrayList<>();
        try (KafkaConsumer<String, KapsoEvent> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new KapsoEventDeserializer())) {
            consumer.subscribe(List.of("typed"));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (events.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> events.add(r.value()));
            }
        }
        return events;
    }

    /** What a second hub without a shared webhook repository would do on Kapso's retry: the same record again. */
    private void resendFirstRecord() throws Exception {
        ConsumerRecord<String, String> first = broker.readAll(1, Duration.ofSeconds(15), "typed").get(0);
        Properties props = KapsoKafkaProducerSettings.forKapsoWebhooks().producerProperties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("typed", null, first.key(), first.value(), first.headers())).get();
        }
    }

    private Properties consumerProps() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "typed-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }
}
