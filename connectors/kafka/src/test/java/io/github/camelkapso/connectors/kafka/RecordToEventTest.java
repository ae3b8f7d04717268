package io.github.camelkapso.connectors.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.event.ConversationEvent;
import io.github.camelkapso.event.KapsoEvent;
import io.github.camelkapso.event.MessageReceived;
import io.github.camelkapso.event.UnknownEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Record values and headers back to typed events: the type converters Camel loads, the deserializer, the header deserializer. */
class RecordToEventTest {

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

    /** An exchange as camel-kafka's consumer makes it with its default deserializers: text body, header bytes. */
    private Exchange kafkaExchange(Object body, String eventType) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        if (eventType != null) {
            exchange.getMessage().setHeader(KapsoRecordHeaders.EVENT_TYPE, eventType.getBytes(StandardCharsets.UTF_8));
        }
        return exchange;
    }

    @Test
    void theConvertersReadTheEventTypeHeaderForTheParentAndEveryEventType() {
        Exchange text = kafkaExchange(Payloads.conversationEnded("conv_1"), "whatsapp.conversation.ended");
        Exchange bytes = kafkaExchange(Payloads.conversationEnded("conv_1").getBytes(StandardCharsets.UTF_8),
                "whatsapp.conversation.ended");

        for (Exchange exchange : List.of(text, bytes)) {
            assertThat(exchange.getMessage().getBody(KapsoEvent.class)).isInstanceOfSatisfying(ConversationEvent.class,
                    c -> assertThat(c.change()).isEqualTo("ended"));
            assertThat(exchange.getMessage().getBody(ConversationEvent.class).conversation().id()).isEqualTo("conv_1");
        }
        assertThat(kafkaExchange(Payloads.unknown("n1"), "whatsapp.novelty.appeared").getMessage().getBody(UnknownEvent.class)
                .type()).isEqualTo("whatsapp.novelty.appeared");
    }

    @Test
    void withoutARecordHeaderAWebhookExchangeConvertsOnItsCamelKapsoHeaderAsBefore() {
        Exchange webhook = kafkaExchange(Payloads.conversationEnded("conv_2"), null);
        webhook.getMessage().setHeader(KapsoConstants.EVENT_TYPE, "whatsapp.conversation.ended");

        assertThat(webhook.getMessage().getBody(ConversationEvent.class).change()).isEqualTo("ended");
    }

    @Test
    void askingForAnotherEventTypeOrGivingABatchFailsNamingWhatItIs() {
        Exchange conversation = kafkaExchange(Payloads.conversationEnded("conv_1"), "whatsapp.conversation.ended");
        assertThatThrownBy(() -> conversation.getMessage().getMandatoryBody(MessageReceived.class))
                .hasRootCauseMessage("The Kapso event is whatsapp.conversation.ended (ConversationEvent), not a MessageReceived");

        Exchange batch = kafkaExchange(Payloads.batch("whatsapp.message.received", List.of(Payloads.text("w1", "c", "a"))),
                "whatsapp.message.received");
        assertThatThrownBy(() -> batch.getMessage().getBody(KapsoEvent.class)).isInstanceOf(TypeConversionException.class)
                .hasRootCauseInstanceOf(KapsoBatchBodyException.class);
    }

    @Test
    void theDeserializerReadsHeadersAndRefusesWhatIsNotAnEvent() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(KapsoRecordHeaders.EVENT_TYPE, "whatsapp.conversation.ended".getBytes(StandardCharsets.UTF_8));
        byte[] value = Payloads.conversationEnded("conv_3").getBytes(StandardCharsets.UTF_8);

        try (KapsoEventDeserializer deserializer = new KapsoEventDeserializer()) {
            assertThat(deserializer.deserialize("events", headers, value)).isInstanceOf(ConversationEvent.class);
            assertThat(deserializer.deserialize("events", value)).as("no header: derived from the payload, which cannot tell")
                    .isInstanceOf(UnknownEvent.class);
            assertThat(deserializer.deserialize("events", headers, (byte[]) null)).isNull();
            assertThatThrownBy(() -> deserializer.deserialize("events", headers, "{oops".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageStartingWith("Cannot read a record of topic events as a Kapso event: The record value is not valid JSON");
        }
    }

    @Test
    void theHeaderDeserializerGivesKapsoHeadersAsTextAndLeavesTheRestAsBytes() {
        KapsoRecordHeaderDeserializer deserializer = new KapsoRecordHeaderDeserializer();
        byte[] raw = {1, 2, 3};

        assertThat(deserializer.deserialize(KapsoRecordHeaders.IDEMPOTENCY_KEY, "message:w:t".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("message:w:t");
        assertThat(deserializer.deserialize("X-Tenant", raw)).isSameAs(raw);
    }
}
