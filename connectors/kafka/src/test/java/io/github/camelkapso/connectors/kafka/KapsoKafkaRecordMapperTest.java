package io.github.camelkapso.connectors.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.event.KapsoEvent;
import io.github.camelkapso.event.KapsoEvents;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The record mapper on exchanges built in the test: what it writes, what it refuses, and that a refusal can be dead-lettered. */
class KapsoKafkaRecordMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KapsoKafkaRecordMapper mapper = new KapsoKafkaRecordMapper();
    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private Exchange exchange(Object body) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        return exchange;
    }

    private static Map<?, ?> map(String json) throws Exception {
        return JSON.readValue(json, Map.class);
    }

    @Test
    void aWebhookExchangeBecomesKeyValueAndPlainHeaders() throws Exception {
        Exchange exchange = exchange(map(Payloads.status("wamid.o1", "conv_1", "read")));
        exchange.getMessage().setHeader(KapsoConstants.EVENT_TYPE, "whatsapp.message.read");
        exchange.getMessage().setHeader(KapsoConstants.IDEMPOTENCY_KEY, "message:wamid.o1:whatsapp.message.read");
        exchange.getMessage().setHeader(KapsoConstants.PAYLOAD_VERSION, "v2");
        // a later step (a reply sent through kapso:) changed the header: the payload's id still wins
        exchange.getMessage().setHeader(KapsoConstants.MESSAGE_ID, "wamid.reply");
        exchange.getMessage().setHeader(KapsoRecordHeaders.CONVERSATION_ID, "stale");

        mapper.process(exchange);

        assertThat(exchange.getMessage().getBody()).isInstanceOf(String.class);
        assertThat(JSON.readTree(exchange.getMessage().getBody(String.class)))
                .isEqualTo(JSON.readTree(Payloads.status("wamid.o1", "conv_1", "read")));
        assertThat(exchange.getMessage().getHeaders())
                .containsEntry(KafkaConstants.KEY, "conv_1")
                .containsEntry(KapsoRecordHeaders.EVENT_TYPE, "whatsapp.message.read")
                .containsEntry(KapsoRecordHeaders.IDEMPOTENCY_KEY, "message:wamid.o1:whatsapp.message.read")
                .containsEntry(KapsoRecordHeaders.CONVERSATION_ID, "conv_1")
                .containsEntry(KapsoRecordHeaders.MESSAGE_ID, "wamid.o1")
                .containsEntry(KapsoRecordHeaders.PHONE_NUMBER_ID, Payloads.PHONE_NUMBER_ID)
                .containsEntry(KapsoRecordHeaders.PAYLOAD_VERSION, "v2")
                .doesNotContainKey(KafkaConstants.OVERRIDE_TOPIC);
    }

    @Test
    void aMetaForwardedEventIsKeyedOnItsPhoneNumberAndKeyedForDedupOnItsJson() throws Exception {
        String meta = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"waba\",\"changes\":[{\"field\":\"messages\","
                      + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550001111\","
                      + "\"phone_number_id\":\"" + Payloads.PHONE_NUMBER_ID + "\"},\"contacts\":[{\"profile\":{\"name\":\"Ana\"},"
                      + "\"wa_id\":\"15551234567\"}],\"messages\":[{\"from\":\"15551234567\",\"id\":\"wamid.meta1\","
                      + "\"timestamp\":\"1730092801\",\"type\":\"text\",\"text\":{\"body\":\"Hi\"}}]}}]}]}";
        KapsoEvent event = KapsoEvents.parseMetaWebhook(JSON.readTree(meta)).get(0);
        Exchange exchange = exchange(event);
        exchange.getMessage().setHeader(KapsoRecordHeaders.PAYLOAD_VERSION, "v2");

        mapper.process(exchange);

        assertThat(exchange.getMessage().getHeaders())
                .containsEntry(KafkaConstants.KEY, Payloads.PHONE_NUMBER_ID)
                .containsEntry(KapsoRecordHeaders.MESSAGE_ID, "wamid.meta1")
                .containsEntry(KapsoRecordHeaders.EVENT_TYPE, "whatsapp.message.received")
                .doesNotContainKeys(KapsoRecordHeaders.CONVERSATION_ID, KapsoRecordHeaders.PAYLOAD_VERSION);
        assertThat(exchange.getMessage().getHeader(KapsoRecordHeaders.IDEMPOTENCY_KEY, String.class)).matches("event:[0-9a-f]{64}");
        assertThat(KapsoEventRecord.of(event, DeliveryFacts.NONE).idempotencyKey())
                .isEqualTo(exchange.getMessage().getHeader(KapsoRecordHeaders.IDEMPOTENCY_KEY));
    }

    @Test
    void aTopicPatternSendsEachFamilyToItsTopic() throws Exception {
        mapper.setTopicPattern("kapso.events.{family}");
        Map<String, String> bodies = Map.of(
                "whatsapp.message.received", Payloads.text("wamid.1", "conv_1", "hi"),
                "whatsapp.message.failed", Payloads.status("wamid.2", "conv_1", "failed"),
                "whatsapp.conversation.ended", Payloads.conversationEnded("conv_1"),
                "whatsapp.novelty.appeared", Payloads.unknown("n1"));
        Map<String, String> topics = Map.of("whatsapp.message.received", "kapso.events.message",
                "whatsapp.message.failed", "kapso.events.status", "whatsapp.conversation.ended", "kapso.events.conversation",
                "whatsapp.novelty.appeared", "kapso.events.other");
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            Exchange exchange = exchange(body.getValue());
            exchange.getMessage().setHeader(KapsoConstants.EVENT_TYPE, body.getKey());
            mapper.process(exchange);
            assertThat(exchange.getMessage().getHeader(KafkaConstants.OVERRIDE_TOPIC)).as(body.getKey())
                    .isEqualTo(topics.get(body.getKey()));
        }
    }

    @Test
    void aBadTopicPatternFailsWhenSetNamingTheRule() {
        assertThatThrownBy(() -> mapper.setTopicPattern("kapso.events"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topicPattern 'kapso.events' must contain {family}");
        assertThatThrownBy(() -> mapper.setTopicPattern("kapso events/{family}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gives the topic 'kapso events/message', which is not a legal Kafka topic name");
    }

    @Test
    void aBatchOrAListIsRefusedNotWrittenAsOneRecord() throws Exception {
        Exchange batch = exchange(map(Payloads.batch("whatsapp.message.received",
                List.of(Payloads.text("wamid.1", "c", "a"), Payloads.text("wamid.2", "c", "b")))));
        assertThatThrownBy(() -> mapper.process(batch)).isInstanceOf(KapsoBatchBodyException.class)
                .hasMessageContaining("a batch of 2 Kapso events").hasMessageContaining("splitBatch=true");

        Exchange list = exchange(List.of(map(Payloads.text("wamid.1", "c", "a")), map(Payloads.text("wamid.2", "c", "b"))));
        assertThatThrownBy(() -> mapper.process(list)).isInstanceOf(KapsoBatchBodyException.class)
                .hasMessageContaining("of 2 items, not one Kapso event");
    }

    @Test
    void aBodyThatIsNotOneEventsJsonRaisesTheTypedExceptionWithoutItsContent() {
        assertThatThrownBy(() -> mapper.process(exchange("call me at +15550009999")))
                .isInstanceOf(KapsoEventSerializationException.class).hasMessageContaining("not valid JSON")
                .hasMessageNotContaining("+15550009999");
        assertThatThrownBy(() -> mapper.process(exchange("[1,2]")))
                .isInstanceOf(KapsoEventSerializationException.class).hasMessageContaining("JSON array, not an object");
        assertThatThrownBy(() -> mapper.process(exchange(Map.of("message", new Object()))))
                .isInstanceOf(KapsoEventSerializationException.class).hasMessageContaining("cannot be written as JSON");
        assertThatThrownBy(() -> mapper.process(exchange(42)))
                .isInstanceOf(KapsoEventSerializationException.class).hasMessageContaining("The body is a java.lang.Integer");
        assertThatThrownBy(() -> mapper.process(exchange(null)))
                .isInstanceOf(KapsoEventSerializationException.class).hasMessageContaining("The body is empty");
    }

    @Test
    void anEventThatCannotBeSerialisedIsDeadLetteredWhileAFailedSendStillFailsTheExchange() throws Exception {
        List<Exchange> dead = new CopyOnWriteArrayList<>();
        List<Object> written = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(KapsoEventSerializationException.class, KapsoBatchBodyException.class).handled(true).to("direct:dead");
                from("direct:events").process(mapper)
                        .process(e -> {
                            // stands for the kafka: step failing while the broker is down
                            if (e.getMessage().getBody(String.class).contains("broker-down")) {
                                throw new IllegalStateException("broker unreachable");
                            }
                            written.add(e.getMessage().getBody());
                        });
                from("direct:dead").process(dead::add);
            }
        });
        var template = context.createProducerTemplate();

        template.sendBody("direct:events", Map.of("message", new Object()));
        template.sendBody("direct:events", Payloads.text("wamid.ok", "conv_1", "fine"));
        Exchange failedSend = template.send("direct:events", e -> e.getMessage().setBody(Payloads.text("wamid.x", "conv_1", "broker-down")));

        assertThat(dead).singleElement().satisfies(e -> assertThat(e.getProperty(Exchange.EXCEPTION_CAUGHT))
                .isInstanceOf(KapsoEventSerializationException.class));
        assertThat(written).hasSize(1);
        assertThat(failedSend.getException()).as("not handled: the webhook answers 500").isInstanceOf(IllegalStateException.class);
    }
}
